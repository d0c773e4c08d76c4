import type { PlacementStrings } from "../fr/placement";

/** What a learner reads about their placement, English (see fr/placement.ts). */
const placement: PlacementStrings = {
  resultTitle: "Your level: {{level}}",
  whyTitle: "Why this level?",
  commonCore:
    "Like everyone, you also take the common core: the charter (editorial line, netiquette, personal data, disclosure rules), the code of conduct, and how to answer criticism.",
  levels: {
    native: {
      name: "Native",
      description:
        "Social media is already second nature to you, so your track moves quickly past the basics and focuses on the company's objectives: what it wants to achieve on each network and how the results are measured. You will also see how to turn personal habits into an ambassador's voice and contribute to the content strategy.",
    },
    late_adopter: {
      name: "Late adopter",
      description:
        "You came to social media later and use it today. Your track shows which networks the company has chosen and why, then the best engagement practice on each: writing posts people read, a sound professional profile, reacting and commenting to good effect.",
    },
    reluctant: {
      name: "Reluctant",
      description:
        "You know the big networks but hardly use them yourself. Your track starts from what you already know and shows more advanced uses of those networks, beginning with listening before speaking, one small step at a time, then introduces other networks the company uses.",
    },
    objector: {
      name: "Objector",
      description:
        "You are opposed to the company being on social media, or to its employees speaking about it. Your track takes that position seriously: what organisations gain by being there, what staying away costs, and straight answers to your objections and to concerns such as personal data and the line between private and professional life.",
    },
    beginner: {
      name: "Beginner",
      description:
        "Social media is new to you, or you have never used it yourself yet, and that is fine. Your track gives you the basics of each network the company has chosen: what it is, how to create and secure an account, up to your first post, step by step.",
    },
  },
  facts: {
    attitude_negative:
      "Your answers show opposition to the company being on social media or to its employees speaking about it (attitude {{attitude}} on a scale from −100 to +100; the threshold is {{threshold}}). Your personal worries do not count here.",
    attitude_comes_first:
      "This opposition comes first, whatever your own use ({{usage}}%) and knowledge ({{knowledge}}%) of social media: your track starts by answering it.",
    attitude_reserved:
      "You have some reservations about the company being on social media or its employees speaking there (attitude {{attitude}} on a scale from −100 to +100), without going as far as opposing it (threshold {{threshold}}).",
    attitude_open:
      "You are not opposed to the company being on social media nor to its employees speaking there (attitude {{attitude}} on a scale from −100 to +100).",
    knowledge_low: "You don't know much yet about the networks and how they work (knowledge {{knowledge}}%, below {{threshold}}%).",
    knowledge_sufficient: "You know enough about the networks and how they work to go beyond the basics (knowledge {{knowledge}}%, threshold {{threshold}}%).",
    usage_low:
      "You hardly use social media personally: you use an account little or not at all (usage {{usage}}%, below {{threshold}}%; how old an account is and reading without reacting don't count).",
    usage_moderate: "You use social media, though not as an active daily habit across several networks (usage {{usage}}%; heavy use starts at {{threshold}}%).",
    usage_high: "You use social media a lot, and on several networks (usage {{usage}}%, threshold {{threshold}}%).",
    ease_low: "Doing things on social media does not come naturally to you yet (ease {{ease}}%; second nature starts at {{threshold}}%).",
    ease_moderate: "You are fairly at ease on social media, though it is not second nature (ease {{ease}}%, below {{threshold}}%).",
    ease_high: "You are at ease on social media: posting, setting who sees what, answering comments (ease {{ease}}%, threshold {{threshold}}%).",
    practice_low:
      "You have no account you use and little contact with social media (practice {{exposure}}%, below {{threshold}}%): without practice, your track starts from the basics, whatever you got right in the knowledge questions (knowledge {{knowledge}}%).",
    practice_sufficient:
      "You know social media first-hand: you have, or had, an account and you see what is published there (practice {{exposure}}%, threshold {{threshold}}%).",
  },
};

export default placement;
