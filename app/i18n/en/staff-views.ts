import type { StaffViewStrings } from "../fr/staff-views";

/** Staff views in the third person (English); typed by the French file. Namespace `staffView.*`. */
const staffView: StaffViewStrings = {
  explanation: {
    suspendedCharter:
      "Accreditation suspended: {{name}} has not signed charter {{version}}, now in force, yet. It is valid again once they sign, until its end date.",
    revoked: "Accreditation revoked. Reason: {{reason}}",
    declined: "Request declined. Reason: {{reason}}",
    expired: "Accreditation expired on {{date}}.",
    inForce: "Valid: {{name}} may post on the company’s behalf on these networks.",
    notInForce: "Not valid: {{name}} may not post on the company’s behalf.",
    partial: "Requested but not granted: {{channels}}.",
  },
  checklist: {
    placedUnmet: "Not placed yet.",
    examLapsed: "Passed on {{date}}, no longer valid since {{until}}.",
    charterOld: "Version {{signed}} signed; version {{current}} is now in force.",
  },
  history: {
    personTitle: "Decision history",
    teamTitle: "Recent decisions",
    teamIntro: "The latest decisions on your teams’ accreditations.",
    empty: "No decisions yet.",
    when: "When",
    person: "Person",
    decision: "Decision",
    by: "By",
    reason: "Reason",
    system: "Ambassade",
  },
  closed: {
    title: "Revoked, expired or declined",
    intro: "People in your teams whose latest accreditation is no longer valid, or whose latest request was declined.",
    empty: "Nobody.",
    see: "See {{name}}’s case",
  },
  invite: {
    fileOnly:
      "Invitation saved for {{email}}, but no mail server is configured (SMTP_URL): the message was only written to a file on the server. Give this link to the person yourself (valid for 7 days, single use): {{link}}",
    fileOnlyAskAdmin:
      "Invitation saved for {{email}}, but no mail server is configured: the message was not sent. Ask an administrator to pass the invitation link on.",
    fileStatus:
      "No mail server is configured: the invitation message was only written to a file on the server. Send the invitation again to get a new link to pass on yourself.",
  },
  placement: {
    fromQuestionnaire: "From their answers to the questionnaire of {{date}}.",
    facts: {
      attitude_negative:
        "Their answers show strong reservations about companies and their employees being on social media (attitude of {{attitude}} on a scale from −100 to +100; the threshold is {{threshold}}).",
      attitude_comes_first:
        "These reservations come first, whatever their use ({{usage}}%) and knowledge ({{knowledge}}%) of the networks: their track starts by answering them.",
      attitude_reserved:
        "Some reservations about companies and their employees being on social media (attitude of {{attitude}} on a scale from −100 to +100), without opposing it (threshold {{threshold}}).",
      attitude_open: "Not against companies and their employees being on social media (attitude of {{attitude}} on a scale from −100 to +100).",
      knowledge_low: "Knows little yet about the networks and how they work (knowledge {{knowledge}}%, under the threshold of {{threshold}}%).",
      knowledge_sufficient: "Knows the networks and how they work well enough to go beyond the basics (knowledge {{knowledge}}%, threshold {{threshold}}%).",
      usage_low: "Uses social media little in private life (use {{usage}}%, under the threshold of {{threshold}}%).",
      usage_moderate: "Uses social media, though not as a daily habit on several networks (use {{usage}}%; heavy use starts at {{threshold}}%).",
      usage_high: "Uses social media a lot, on several networks (use {{usage}}%, threshold {{threshold}}%).",
      ease_low: "Acting on social media does not come naturally to them yet (ease {{ease}}%; second nature starts at {{threshold}}%).",
      ease_moderate: "Fairly at ease on social media, though it is not second nature (ease {{ease}}%, under the threshold of {{threshold}}%).",
      ease_high: "At ease on social media: posting, privacy settings, answering comments (ease {{ease}}%, threshold {{threshold}}%).",
    },
  },
};

export default staffView;
