import type { NotificationMailStrings } from "../fr/notifications-mail";

/** The notices (mail and inbox), English; typed by the French file so that no key can be missing. Namespace `notifications.*`. */
const notifications: NotificationMailStrings = {
  greeting: "Hello {{name}},",
  open: "Open in Ambassade",
  openLink: "To go there: {{link}}",
  footerOptional: "You can turn this kind of message off in your account: {{link}}",
  footerMandatory: "This message cannot be turned off: it changes what you may do on the company’s behalf.",
  digestSubject_one: "{{count}} update in Ambassade",
  digestSubject_other: "{{count}} updates in Ambassade",
  digestIntro: "Several changes concern you:",
  kinds: {
    request_waiting: {
      label: "An accreditation request awaits my decision (manager)",
      subject: "{{person}} requests an accreditation",
      subjectRenewal: "{{person}} requests the renewal of their accreditation",
      inbox: "{{person}} awaits your decision ({{channels}}).",
      body: "{{person}} requests an accreditation for: {{channels}}. The request awaits your decision.",
      bodyRenewal: "{{person}} requests the renewal of their accreditation for: {{channels}}. The request awaits your decision.",
    },
    team_suspended: {
      label: "The accreditation of someone in my team is suspended (manager)",
      subject: "{{person}}’s accreditation is suspended",
      inbox: "{{person}}’s accreditation suspended.",
      bodyCharter: "{{person}}’s accreditation is suspended until they sign charter {{version}}. They have been sent a message.",
      bodyLeft: "{{person}}’s accreditation is suspended: they left the organisation.",
    },
    team_expiring: {
      label: "The accreditation of someone in my team is about to end (manager)",
      inbox: "{{person}}’s accreditation ends on {{date}}.",
    },
    granted: {
      label: "Accreditation granted",
      subject: "Your accreditation is granted",
      inbox: "Accreditation granted: {{channels}}, until {{date}}.",
      body: "Your manager granted you the accreditation to post on the company’s behalf on: {{channels}}, until {{date}}.",
      partial: "You also asked for: {{notGranted}}. Those channels are not granted for now; talk to your manager if you need them.",
    },
    declined: {
      label: "Request declined",
      subject: "Your accreditation request is declined",
      subjectRenewal: "Your renewal request is declined",
      inbox: "Request declined. Reason: {{reason}}",
      body: "Your manager declined your accreditation request. Reason: {{reason}}",
      bodyRenewal: "Your manager declined the renewal of your accreditation. Reason: {{reason}}",
      after: "You may request again when you are ready.",
    },
    suspended: {
      label: "Accreditation suspended",
      subject: "Your accreditation is suspended: sign the new charter",
      subjectLeft: "Your accreditation is suspended",
      inbox: "Accreditation suspended until you sign charter {{version}}.",
      inboxLeft: "Accreditation suspended: you left the organisation.",
      body: "A new version of the social-media charter ({{version}}) is in force. Your accreditation is suspended until you sign it: you may not post on the company’s behalf until then.",
      changed: "What changed: {{summary}}",
      bodyLeft: "Your accreditation is suspended because you left the organisation. Only your manager can reinstate it.",
    },
    reinstated: {
      label: "Accreditation reinstated",
      subject: "Your accreditation is reinstated",
      inbox: "Accreditation reinstated until {{date}}.",
      body: "Your accreditation is valid again, until {{date}}.",
    },
    expiring: {
      label: "My accreditation is about to end",
      inbox: "Your accreditation ends on {{date}}.",
    },
    expired: {
      label: "Accreditation expired",
      subject: "Your accreditation has expired",
      inbox: "Your accreditation has expired.",
      body: "Your accreditation ({{channels}}) has expired: you may no longer post on the company’s behalf. To renew it, take the exam again, sign the charter in force, then request the renewal.",
    },
    revoked: {
      label: "Accreditation revoked",
      subject: "Your accreditation is revoked",
      inbox: "Accreditation revoked. Reason: {{reason}}",
      body: "Your manager revoked your accreditation: you may no longer post on the company’s behalf. Reason: {{reason}}",
    },
    reopened: {
      label: "My case is reopened",
      subject: "You may request an accreditation again",
      inbox: "Case reopened: you may request again.",
      body: "Your manager reopened your case: you may request an accreditation again without waiting.",
    },
    renewed: {
      label: "Accreditation renewed",
      subject: "Your accreditation is renewed",
      inbox: "Accreditation renewed: {{channels}}, until {{date}}.",
      body: "Your manager renewed your accreditation for: {{channels}}, until {{date}}.",
    },
    reflection_reviewed: {
      label: "A trainer reviewed my written answer",
      subject: "Your answer was reviewed",
      inbox: "{{trainer}} reviewed your answer in “{{module}}”.",
      body: "{{trainer}} reviewed your written answer in the module “{{module}}”.",
      comment: "Their comment: {{comment}}",
    },
    placement_overridden: {
      label: "My level was changed",
      subject: "Your level was changed",
      inbox: "{{by}} set your level to “{{level}}”.",
      body: "{{by}} set your level to “{{level}}”. Reason: {{reason}}",
      after: "Your track follows this level.",
    },
  },
};

export default notifications;
