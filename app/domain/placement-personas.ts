/**
 * The persona table that pins the placement model (docs/placement-model.md, § 6). Each persona was
 * written from its level's definition (seed 003, the Mindflash model; `DEFINITIONS` below) and
 * answered the questionnaire as that person honestly would, BEFORE the scores were looked at. When a
 * change of weights or thresholds moves a persona, decide whether the persona or the model is wrong
 * and say so in the change: the personas are the specification, the weights are the implementation.
 *
 * Forms are written as in the questionnaire: one option id for a single question, a list for a
 * multiple one. Used by app/domain/placement.test.ts and by the end-to-end helpers (Jean, Léa).
 */
import type { FactKey, Level } from "./placement";

/** The five levels as the source defines them, one line each. */
export const DEFINITIONS: Record<Level, string> = {
  native: "social media is second nature: used every day, on several networks, reacting or posting without effort",
  late_adopter: "learned them later and uses them now, regularly, without it being second nature",
  reluctant: "knows the big names (has or had an account, knows what each network is for) but does not use them personally",
  objector: "opposes their use: against the company being there, or against employees speaking for it",
  beginner: "little or no knowledge, or no account and hardly any practice, whatever they can guess",
};

export type PersonaForm = Record<string, string | string[]>;
export type Persona = {
  name: string;
  /** Who they are, in the words of the level's definition. */
  who: string;
  level: Level;
  facts: FactKey[];
  form: PersonaForm;
};

export const PERSONAS: Persona[] = [
  // ---- native: second nature --------------------------------------------------------------
  {
    name: "Léa",
    who: "26, designer who grew up with Instagram and TikTok, posts every day and reads her statistics",
    level: "native",
    facts: ["usage_high", "ease_high", "knowledge_sufficient"],
    form: {
      account: "in_use", frequency: "daily", networks_used: ["instagram", "tiktok", "linkedin", "youtube", "snapchat"], activity: "post",
      since: "grew_up_with_them", passive_viewing: "often",
      skills: ["post", "privacy", "mention", "statistics", "comment", "video"], writing_ease: "very_easy",
      networks_known: ["linkedin", "facebook", "instagram", "x", "youtube", "tiktok", "snapchat"],
      recruiting_network: "linkedin", hashtag: "group_topics", feed: "algorithm", visibility: "can_spread", criticism: "answer_calmly",
      company_presence: "essential", employees_speaking: "good_thing", concerns: ["harassment"], speaking_comfort: "glad",
    },
  },
  {
    name: "Inès",
    who: "29, marketing assistant for whom Instagram and LinkedIn are second nature, with many personal worries and doubts about employees speaking, but not opposed",
    level: "native",
    facts: ["usage_high", "ease_high", "knowledge_sufficient"],
    form: {
      account: "in_use", frequency: "daily", networks_used: ["instagram", "linkedin", "tiktok", "threads"], activity: "post",
      since: "grew_up_with_them", passive_viewing: "often",
      skills: ["post", "privacy", "mention", "statistics", "comment", "report", "video"], writing_ease: "very_easy",
      networks_known: ["linkedin", "facebook", "instagram", "threads", "x", "youtube", "tiktok", "pinterest"],
      recruiting_network: "linkedin", hashtag: "group_topics", feed: "algorithm", visibility: "can_spread", criticism: "answer_calmly",
      company_presence: "useful", employees_speaking: "unsure",
      concerns: ["personal_data", "time", "misinformation", "harassment", "blurred_lines"], speaking_comfort: "uncomfortable",
    },
  },
  {
    name: "Yanis",
    who: "33, developer who spends every day on Reddit, X and Bluesky, writes long threads and answers critics",
    level: "native",
    facts: ["usage_high", "ease_high", "knowledge_sufficient"],
    form: {
      account: "in_use", frequency: "daily", networks_used: ["reddit", "x", "bluesky_mastodon", "youtube"], activity: "post",
      since: "grew_up_with_them", passive_viewing: "often",
      skills: ["post", "privacy", "mention", "statistics", "comment", "report"], writing_ease: "very_easy",
      networks_known: ["linkedin", "x", "youtube", "reddit", "bluesky_mastodon", "threads", "tiktok"],
      recruiting_network: "linkedin", hashtag: "group_topics", feed: "algorithm", visibility: "can_spread", criticism: "answer_calmly",
      company_presence: "useful", employees_speaking: "unsure", concerns: ["misinformation"], speaking_comfort: "with_training",
    },
  },
  {
    name: "Camille",
    who: "41, started as an adult more than five years ago and now posts every day on Facebook, Instagram and LinkedIn as naturally as she talks",
    level: "native",
    facts: ["usage_high", "ease_high", "knowledge_sufficient"],
    form: {
      account: "in_use", frequency: "daily", networks_used: ["facebook", "instagram", "linkedin"], activity: "post",
      since: "over_five_years", passive_viewing: "sometimes",
      skills: ["post", "privacy", "mention", "statistics", "comment", "report", "video"], writing_ease: "very_easy",
      networks_known: ["linkedin", "facebook", "instagram", "youtube", "pinterest", "threads"],
      recruiting_network: "linkedin", hashtag: "group_topics", feed: "algorithm", visibility: "can_spread", criticism: "answer_calmly",
      company_presence: "essential", employees_speaking: "with_rules", concerns: ["personal_data"], speaking_comfort: "glad",
    },
  },
  {
    name: "Hugo",
    who: "22, apprentice who grew up with Snapchat, TikTok and Instagram and films and posts short videos every day",
    level: "native",
    facts: ["usage_high", "ease_high", "knowledge_sufficient"],
    form: {
      account: "in_use", frequency: "daily", networks_used: ["snapchat", "tiktok", "instagram"], activity: "post",
      since: "grew_up_with_them", passive_viewing: "often",
      skills: ["post", "privacy", "mention", "comment", "report", "video"], writing_ease: "fairly_easy",
      networks_known: ["instagram", "tiktok", "snapchat", "youtube", "x"],
      recruiting_network: "linkedin", hashtag: "group_topics", feed: "algorithm", visibility: "can_spread", criticism: "answer_calmly",
      company_presence: "essential", employees_speaking: "good_thing", concerns: ["nothing"], speaking_comfort: "glad",
    },
  },
  {
    name: "Amélie",
    who: "37, sales representative who posts and comments on LinkedIn and Instagram every day, worried about harassment and the time it takes, not opposed",
    level: "native",
    facts: ["usage_high", "ease_high", "knowledge_sufficient"],
    form: {
      account: "in_use", frequency: "daily", networks_used: ["linkedin", "instagram", "facebook"], activity: "post",
      since: "over_five_years", passive_viewing: "sometimes",
      skills: ["post", "privacy", "mention", "statistics", "comment", "report"], writing_ease: "very_easy",
      networks_known: ["linkedin", "facebook", "instagram", "x", "youtube"],
      recruiting_network: "linkedin", hashtag: "group_topics", feed: "algorithm", visibility: "can_spread", criticism: "answer_calmly",
      company_presence: "useful", employees_speaking: "with_rules", concerns: ["harassment", "time"], speaking_comfort: "glad",
    },
  },

  // ---- late adopter: learned later, uses them now ------------------------------------------
  {
    name: "Marc",
    who: "52, sales manager who joined LinkedIn and Facebook as an adult, reacts a few times a week, posts with some effort",
    level: "late_adopter",
    facts: ["usage_moderate", "ease_moderate", "knowledge_sufficient"],
    form: {
      account: "in_use", frequency: "weekly", networks_used: ["linkedin", "facebook"], activity: "react",
      since: "over_five_years", passive_viewing: "sometimes",
      skills: ["post", "privacy", "mention"], writing_ease: "takes_effort",
      networks_known: ["linkedin", "facebook", "instagram", "x", "youtube"],
      recruiting_network: "linkedin", hashtag: "group_topics", feed: "follows_only", visibility: "can_spread", criticism: "answer_calmly",
      company_presence: "useful", employees_speaking: "with_rules", concerns: ["personal_data", "time"], speaking_comfort: "with_training",
    },
  },
  {
    name: "Sophie",
    who: "35, came to Facebook and Instagram as an adult and posts family photos every day, but has never read statistics nor handled criticism",
    level: "late_adopter",
    facts: ["ease_moderate", "usage_high", "knowledge_sufficient"],
    form: {
      account: "in_use", frequency: "daily", networks_used: ["facebook", "instagram"], activity: "post",
      since: "over_five_years", passive_viewing: "sometimes",
      skills: ["post", "privacy", "video"], writing_ease: "fairly_easy",
      networks_known: ["facebook", "instagram", "youtube", "tiktok"],
      recruiting_network: "linkedin", hashtag: "group_topics", feed: "follows_only", visibility: "stays_private", criticism: "dont_know",
      company_presence: "useful", employees_speaking: "with_rules", concerns: ["harassment", "personal_data"], speaking_comfort: "with_training",
    },
  },
  {
    name: "Paul",
    who: "24, intern who scrolls Snapchat and TikTok every day but only watches and finds writing for the public hard: uses them, not yet at ease",
    level: "late_adopter",
    facts: ["usage_moderate", "ease_low", "knowledge_sufficient"],
    form: {
      account: "in_use", frequency: "daily", networks_used: ["snapchat", "tiktok", "youtube"], activity: "read_only",
      since: "grew_up_with_them", passive_viewing: "often",
      skills: ["privacy"], writing_ease: "hard",
      networks_known: ["snapchat", "tiktok", "youtube", "instagram", "x"],
      recruiting_network: "linkedin", hashtag: "group_topics", feed: "algorithm", visibility: "can_spread", criticism: "dont_know",
      company_presence: "no_opinion", employees_speaking: "unsure", concerns: ["time"], speaking_comfort: "uncomfortable",
    },
  },
  {
    name: "Isabelle",
    who: "42, HR officer who learned LinkedIn and Facebook late and likes and shares there a few times a month, supportive of employee advocacy",
    level: "late_adopter",
    facts: ["usage_moderate", "ease_moderate", "knowledge_sufficient"],
    form: {
      account: "in_use", frequency: "monthly", networks_used: ["linkedin", "facebook"], activity: "react",
      since: "two_to_five_years", passive_viewing: "sometimes",
      skills: ["post", "privacy", "mention", "report"], writing_ease: "fairly_easy",
      networks_known: ["linkedin", "facebook", "instagram", "youtube"],
      recruiting_network: "linkedin", hashtag: "group_topics", feed: "algorithm", visibility: "can_spread", criticism: "answer_calmly",
      company_presence: "essential", employees_speaking: "good_thing", concerns: ["blurred_lines"], speaking_comfort: "with_training",
    },
  },
  {
    name: "Gilles",
    who: "60, opened Facebook three years ago to follow his grandchildren and now checks it, likes and comments several times a week",
    level: "late_adopter",
    facts: ["usage_moderate", "ease_low", "knowledge_sufficient"],
    form: {
      account: "in_use", frequency: "weekly", networks_used: ["facebook"], activity: "react",
      since: "two_to_five_years", passive_viewing: "sometimes",
      skills: ["post"], writing_ease: "takes_effort",
      networks_known: ["facebook", "youtube", "linkedin"],
      recruiting_network: "linkedin", hashtag: "group_topics", feed: "follows_only", visibility: "stays_private", criticism: "answer_calmly",
      company_presence: "useful", employees_speaking: "unsure", concerns: ["personal_data", "misinformation"], speaking_comfort: "not_sure",
    },
  },
  {
    name: "Fatou",
    who: "45, opened LinkedIn two years ago and reacts every week; worried about her data and about mixing work and private life, and daunted by posting about the company",
    level: "late_adopter",
    facts: ["usage_moderate", "ease_moderate", "knowledge_sufficient"],
    form: {
      account: "in_use", frequency: "weekly", networks_used: ["linkedin", "instagram"], activity: "react",
      since: "under_two_years", passive_viewing: "sometimes",
      skills: ["post", "privacy", "mention", "report"], writing_ease: "fairly_easy",
      networks_known: ["linkedin", "facebook", "instagram", "youtube", "tiktok"],
      recruiting_network: "linkedin", hashtag: "group_topics", feed: "algorithm", visibility: "can_spread", criticism: "answer_calmly",
      company_presence: "useful", employees_speaking: "with_rules", concerns: ["personal_data", "blurred_lines", "harassment"], speaking_comfort: "uncomfortable",
    },
  },
  {
    name: "Thierry",
    who: "50, joined LinkedIn and YouTube as an adult and reads them several times a week without reacting: he uses them, quietly",
    level: "late_adopter",
    facts: ["usage_moderate", "ease_low", "knowledge_sufficient"],
    form: {
      account: "in_use", frequency: "weekly", networks_used: ["linkedin", "youtube"], activity: "read_only",
      since: "over_five_years", passive_viewing: "often",
      skills: ["privacy", "statistics"], writing_ease: "takes_effort",
      networks_known: ["linkedin", "facebook", "youtube", "x", "instagram"],
      recruiting_network: "linkedin", hashtag: "group_topics", feed: "algorithm", visibility: "can_spread", criticism: "answer_calmly",
      company_presence: "useful", employees_speaking: "with_rules", concerns: ["time"], speaking_comfort: "not_sure",
    },
  },

  // ---- reluctant: knows the big names, does not use them personally ----------------------
  {
    name: "Jean",
    who: "58, accountant who knows the big networks and has a Facebook account he opened recently and reads a few times a year, with doubts",
    level: "reluctant",
    facts: ["usage_low", "practice_sufficient", "knowledge_sufficient"],
    form: {
      account: "unused", frequency: "rarely", networks_used: ["facebook"], activity: "read_only",
      since: "under_two_years", passive_viewing: "sometimes",
      skills: ["none"], writing_ease: "takes_effort",
      networks_known: ["linkedin", "facebook", "instagram", "x", "youtube"],
      recruiting_network: "linkedin", hashtag: "group_topics", feed: "dont_know", visibility: "can_spread", criticism: "dont_know",
      company_presence: "no_opinion", employees_speaking: "unsure", concerns: ["personal_data", "time"], speaking_comfort: "not_sure",
    },
  },
  {
    name: "Bernard",
    who: "55, engineer with an old LinkedIn profile he opens a few times a year, only to read (the honest extra tick included): knows it, does not use it",
    level: "reluctant",
    facts: ["usage_low", "practice_sufficient", "knowledge_sufficient"],
    form: {
      account: "unused", frequency: "rarely", networks_used: ["linkedin"], activity: "read_only",
      since: "over_five_years", passive_viewing: "sometimes",
      skills: ["privacy"], writing_ease: "takes_effort",
      networks_known: ["linkedin", "facebook", "x", "youtube"],
      recruiting_network: "linkedin", hashtag: "group_topics", feed: "follows_only", visibility: "can_spread", criticism: "answer_calmly",
      company_presence: "useful", employees_speaking: "with_rules", concerns: ["time"], speaking_comfort: "not_sure",
    },
  },
  {
    name: "Nadia",
    who: "44, legal counsel who closed her Facebook account years ago over privacy and follows the networks closely through her work, without using them herself",
    level: "reluctant",
    facts: ["usage_low", "practice_sufficient", "knowledge_sufficient"],
    form: {
      account: "closed", frequency: "never", networks_used: ["none"], activity: "not_applicable",
      since: "over_five_years", passive_viewing: "often",
      skills: ["privacy", "report"], writing_ease: "fairly_easy",
      networks_known: ["linkedin", "facebook", "instagram", "x", "youtube", "tiktok", "threads"],
      recruiting_network: "linkedin", hashtag: "group_topics", feed: "algorithm", visibility: "can_spread", criticism: "answer_calmly",
      company_presence: "useful", employees_speaking: "with_rules", concerns: ["personal_data", "blurred_lines"], speaking_comfort: "not_sure",
    },
  },
  {
    name: "Martine",
    who: "50, has a Facebook account she never opens, knows the big names, ticks every ordinary worry and finds posting daunting, but is not against the company being there",
    level: "reluctant",
    facts: ["usage_low", "practice_sufficient", "knowledge_sufficient"],
    form: {
      account: "unused", frequency: "never", networks_used: ["none"], activity: "not_applicable",
      since: "over_five_years", passive_viewing: "sometimes",
      skills: ["post"], writing_ease: "takes_effort",
      networks_known: ["facebook", "linkedin", "instagram", "youtube"],
      recruiting_network: "linkedin", hashtag: "group_topics", feed: "follows_only", visibility: "can_spread", criticism: "dont_know",
      company_presence: "useful", employees_speaking: "unsure",
      concerns: ["personal_data", "time", "misinformation", "harassment", "blurred_lines"], speaking_comfort: "uncomfortable",
    },
  },
  {
    name: "Patrick",
    who: "63, whose LinkedIn profile HR opened years ago, opened twice a year; watches YouTube without an account; knows the names; rather against employees speaking",
    level: "reluctant",
    facts: ["usage_low", "practice_sufficient", "knowledge_sufficient"],
    form: {
      account: "unused", frequency: "rarely", networks_used: ["none"], activity: "read_only",
      since: "over_five_years", passive_viewing: "often",
      skills: ["none"], writing_ease: "takes_effort",
      networks_known: ["linkedin", "facebook", "youtube", "x"],
      recruiting_network: "linkedin", hashtag: "group_topics", feed: "dont_know", visibility: "can_spread", criticism: "answer_calmly",
      company_presence: "no_opinion", employees_speaking: "risky", concerns: ["misinformation", "personal_data"], speaking_comfort: "uncomfortable",
    },
  },
  {
    name: "Élodie",
    who: "31, closed her Instagram account a year ago to take a break; knows every network well and uses none of them now",
    level: "reluctant",
    facts: ["usage_low", "practice_sufficient", "knowledge_sufficient"],
    form: {
      account: "closed", frequency: "never", networks_used: ["none"], activity: "not_applicable",
      since: "grew_up_with_them", passive_viewing: "sometimes",
      skills: ["post", "privacy", "mention", "statistics", "video"], writing_ease: "fairly_easy",
      networks_known: ["instagram", "tiktok", "facebook", "linkedin", "youtube", "threads", "snapchat"],
      recruiting_network: "linkedin", hashtag: "group_topics", feed: "algorithm", visibility: "can_spread", criticism: "answer_calmly",
      company_presence: "useful", employees_speaking: "with_rules", concerns: ["time", "harassment"], speaking_comfort: "not_sure",
    },
  },
  {
    name: "Serge",
    who: "47, has a LinkedIn account he glances at a couple of times a month without ever reacting; knows what each big network is for",
    level: "reluctant",
    facts: ["usage_low", "practice_sufficient", "knowledge_sufficient"],
    form: {
      account: "in_use", frequency: "monthly", networks_used: ["linkedin"], activity: "read_only",
      since: "over_five_years", passive_viewing: "sometimes",
      skills: ["privacy"], writing_ease: "takes_effort",
      networks_known: ["linkedin", "facebook", "x", "youtube", "instagram"],
      recruiting_network: "linkedin", hashtag: "group_topics", feed: "follows_only", visibility: "can_spread", criticism: "answer_calmly",
      company_presence: "no_opinion", employees_speaking: "unsure", concerns: ["blurred_lines"], speaking_comfort: "not_sure",
    },
  },

  // ---- objector: opposes their use -------------------------------------------------------
  {
    name: "Thomas",
    who: "38, engineer, heavy Reddit and X user, who thinks companies have no business there and that employees speaking for them should be forbidden",
    level: "objector",
    facts: ["attitude_negative", "attitude_comes_first"],
    form: {
      account: "in_use", frequency: "daily", networks_used: ["reddit", "x", "youtube", "bluesky_mastodon"], activity: "post",
      since: "grew_up_with_them", passive_viewing: "often",
      skills: ["post", "privacy", "mention", "statistics", "comment", "report", "video"], writing_ease: "very_easy",
      networks_known: ["linkedin", "facebook", "x", "youtube", "reddit", "bluesky_mastodon", "tiktok"],
      recruiting_network: "linkedin", hashtag: "group_topics", feed: "algorithm", visibility: "can_spread", criticism: "answer_calmly",
      company_presence: "waste", employees_speaking: "not_their_job", concerns: ["misinformation", "blurred_lines"], speaking_comfort: "would_refuse",
    },
  },
  {
    name: "Hélène",
    who: "55, archivist with no account who distrusts social media and wants the company to stay away (objector, not beginner)",
    level: "objector",
    facts: ["attitude_negative", "attitude_comes_first"],
    form: {
      account: "no_account", frequency: "never", networks_used: ["none"], activity: "not_applicable",
      since: "no_account", passive_viewing: "never",
      skills: ["none"], writing_ease: "fairly_easy",
      networks_known: ["facebook", "x"],
      recruiting_network: "dont_know", hashtag: "dont_know", feed: "dont_know", visibility: "can_spread", criticism: "dont_know",
      company_presence: "stay_away", employees_speaking: "risky", concerns: ["personal_data", "misinformation"], speaking_comfort: "would_refuse",
    },
  },
  {
    name: "Karim",
    who: "30, weekly LinkedIn reader who calls the company's presence a waste of money and is rather against employees speaking for it",
    level: "objector",
    facts: ["attitude_negative", "attitude_comes_first"],
    form: {
      account: "in_use", frequency: "weekly", networks_used: ["linkedin", "youtube"], activity: "read_only",
      since: "over_five_years", passive_viewing: "sometimes",
      skills: ["post", "privacy"], writing_ease: "takes_effort",
      networks_known: ["linkedin", "facebook", "youtube", "x"],
      recruiting_network: "linkedin", hashtag: "group_topics", feed: "follows_only", visibility: "can_spread", criticism: "ignore",
      company_presence: "waste", employees_speaking: "risky", concerns: ["personal_data", "time"], speaking_comfort: "uncomfortable",
    },
  },
  {
    name: "Dominique",
    who: "49, staff representative who uses Facebook every day but holds that speaking for the company is not employees' job and would refuse on principle",
    level: "objector",
    facts: ["attitude_negative", "attitude_comes_first"],
    form: {
      account: "in_use", frequency: "daily", networks_used: ["facebook", "youtube"], activity: "react",
      since: "over_five_years", passive_viewing: "sometimes",
      skills: ["post", "privacy", "comment"], writing_ease: "fairly_easy",
      networks_known: ["facebook", "linkedin", "youtube", "x", "instagram"],
      recruiting_network: "linkedin", hashtag: "group_topics", feed: "algorithm", visibility: "can_spread", criticism: "answer_calmly",
      company_presence: "no_opinion", employees_speaking: "not_their_job", concerns: ["blurred_lines"], speaking_comfort: "would_refuse",
    },
  },
  {
    name: "Robert",
    who: "59, with a dormant Facebook account, who thinks a company should stay away from social media and is rather against employees speaking there",
    level: "objector",
    facts: ["attitude_negative", "attitude_comes_first"],
    form: {
      account: "unused", frequency: "rarely", networks_used: ["none"], activity: "read_only",
      since: "over_five_years", passive_viewing: "never",
      skills: ["none"], writing_ease: "takes_effort",
      networks_known: ["facebook", "linkedin", "x"],
      recruiting_network: "linkedin", hashtag: "group_topics", feed: "dont_know", visibility: "can_spread", criticism: "ignore",
      company_presence: "stay_away", employees_speaking: "risky", concerns: ["nothing"], speaking_comfort: "not_sure",
    },
  },
  {
    name: "Laure",
    who: "36, skilled Instagram and LinkedIn user who finds the company's presence a waste of money and would refuse on principle to post about it",
    level: "objector",
    facts: ["attitude_negative", "attitude_comes_first"],
    form: {
      account: "in_use", frequency: "daily", networks_used: ["instagram", "linkedin", "threads"], activity: "post",
      since: "grew_up_with_them", passive_viewing: "often",
      skills: ["post", "privacy", "mention", "statistics", "comment", "video"], writing_ease: "very_easy",
      networks_known: ["instagram", "linkedin", "threads", "facebook", "tiktok", "youtube"],
      recruiting_network: "linkedin", hashtag: "group_topics", feed: "algorithm", visibility: "can_spread", criticism: "answer_calmly",
      company_presence: "waste", employees_speaking: "unsure", concerns: ["nothing"], speaking_comfort: "would_refuse",
    },
  },

  // ---- beginner: little or no knowledge ----------------------------------------------------
  {
    name: "Gérard",
    who: "61, workshop foreman who has never used social media and cannot say what they are for",
    level: "beginner",
    facts: ["knowledge_low", "usage_low", "attitude_open"],
    form: {
      account: "no_account", frequency: "never", networks_used: ["none"], activity: "not_applicable",
      since: "no_account", passive_viewing: "never",
      skills: ["none"], writing_ease: "hard",
      networks_known: ["facebook"],
      recruiting_network: "dont_know", hashtag: "dont_know", feed: "dont_know", visibility: "dont_know", criticism: "dont_know",
      company_presence: "no_opinion", employees_speaking: "unsure", concerns: ["nothing"], speaking_comfort: "not_sure",
    },
  },
  {
    name: "Chantal",
    who: "49, follows her family on Facebook every day but knows nothing of other networks or of how feeds work",
    level: "beginner",
    facts: ["knowledge_low", "usage_moderate", "attitude_open"],
    form: {
      account: "in_use", frequency: "daily", networks_used: ["facebook"], activity: "react",
      since: "two_to_five_years", passive_viewing: "sometimes",
      skills: ["post"], writing_ease: "takes_effort",
      networks_known: ["facebook"],
      recruiting_network: "dont_know", hashtag: "dont_know", feed: "random", visibility: "stays_private", criticism: "dont_know",
      company_presence: "useful", employees_speaking: "unsure", concerns: ["personal_data"], speaking_comfort: "not_sure",
    },
  },
  {
    name: "Bruno",
    who: "47, enthusiastic about the company on social media and ready to learn, but has never had an account",
    level: "beginner",
    facts: ["practice_low", "usage_low", "attitude_open"],
    form: {
      account: "no_account", frequency: "never", networks_used: ["none"], activity: "not_applicable",
      since: "no_account", passive_viewing: "sometimes",
      skills: ["none"], writing_ease: "fairly_easy",
      networks_known: ["facebook", "linkedin", "youtube"],
      recruiting_network: "linkedin", hashtag: "dont_know", feed: "follows_only", visibility: "dont_know", criticism: "answer_calmly",
      company_presence: "essential", employees_speaking: "good_thing", concerns: ["nothing"], speaking_comfort: "with_training",
    },
  },
  {
    name: "Sylvie",
    who: "40, buyer with no account at all who guesses all five knowledge questions right and can describe four networks from the news: still a beginner",
    level: "beginner",
    facts: ["practice_low", "usage_low", "attitude_open"],
    form: {
      account: "no_account", frequency: "never", networks_used: ["none"], activity: "not_applicable",
      since: "no_account", passive_viewing: "sometimes",
      skills: ["none"], writing_ease: "fairly_easy",
      networks_known: ["linkedin", "facebook", "instagram", "x"],
      recruiting_network: "linkedin", hashtag: "group_topics", feed: "algorithm", visibility: "can_spread", criticism: "answer_calmly",
      company_presence: "useful", employees_speaking: "with_rules", concerns: ["personal_data"], speaking_comfort: "with_training",
    },
  },
  {
    name: "Kevin",
    who: "27, technician who never opened an account, often watches YouTube without one and knows the names well; has never done anything on a network",
    level: "beginner",
    facts: ["practice_low", "usage_low", "attitude_reserved"],
    form: {
      account: "no_account", frequency: "never", networks_used: ["none"], activity: "not_applicable",
      since: "no_account", passive_viewing: "often",
      skills: ["none"], writing_ease: "takes_effort",
      networks_known: ["youtube", "tiktok", "instagram", "x", "reddit"],
      recruiting_network: "linkedin", hashtag: "group_topics", feed: "algorithm", visibility: "can_spread", criticism: "ignore",
      company_presence: "no_opinion", employees_speaking: "risky", concerns: ["time", "harassment"], speaking_comfort: "uncomfortable",
    },
  },
  {
    name: "Monique",
    who: "57, can name the big networks and opens an old Facebook account a few times a year, but misses every how-it-works question",
    level: "beginner",
    facts: ["knowledge_low", "usage_low", "attitude_open"],
    form: {
      account: "unused", frequency: "rarely", networks_used: ["none"], activity: "read_only",
      since: "over_five_years", passive_viewing: "sometimes",
      skills: ["none"], writing_ease: "takes_effort",
      networks_known: ["facebook", "instagram", "linkedin"],
      recruiting_network: "instagram", hashtag: "bold", feed: "random", visibility: "stays_private", criticism: "delete",
      company_presence: "useful", employees_speaking: "unsure", concerns: ["personal_data", "harassment"], speaking_comfort: "not_sure",
    },
  },
  {
    name: "Jacqueline",
    who: "64, whose daughter opened a Facebook account for her last year; she never uses it and does not know what the networks do",
    level: "beginner",
    facts: ["knowledge_low", "usage_low", "attitude_open"],
    form: {
      account: "unused", frequency: "never", networks_used: ["none"], activity: "not_applicable",
      since: "under_two_years", passive_viewing: "never",
      skills: ["none"], writing_ease: "hard",
      networks_known: ["facebook"],
      recruiting_network: "dont_know", hashtag: "dont_know", feed: "dont_know", visibility: "dont_know", criticism: "dont_know",
      company_presence: "no_opinion", employees_speaking: "unsure", concerns: ["personal_data"], speaking_comfort: "not_sure",
    },
  },
];

/** A persona's form as the answers the questionnaire takes (every value a list). */
export function personaAnswers(name: string): Record<string, string[]> {
  const persona = PERSONAS.find((p) => p.name === name);
  if (!persona) throw new Error(`no persona named ${name}`);
  return Object.fromEntries(Object.entries(persona.form).map(([q, a]) => [q, typeof a === "string" ? [a] : [...a]]));
}
