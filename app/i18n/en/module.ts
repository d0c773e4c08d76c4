import type { ModuleStrings } from "../fr/module";

/** Strings of a module's page: its parts, knowledge checks, reflections and blocks (English). Namespace `track.*` (the page group "module"). */
const moduleStrings: ModuleStrings = {
  module: {
    breadcrumb: "Breadcrumb",
    objectives: "What you will be able to do",
    contents: "Contents",
    showContents: "Show the contents",
    fallback: "This module is not available in {{wanted}} yet: you are reading it in {{shown}}.",
    languages: { fr: "French", en: "English" },
    resume: "Resume where you stopped: {{section}}",
    completedTitle: "Module completed",
    completedBody: "You have passed every question of this module.",
    nextUp: "Next module: {{title}}",
    trackDone: "That was the last module of your track.",
    backToTrack: "Back to my track",
    around: "Neighbouring modules",
    previous: "Previous",
    next: "Next",
    checksLeft_one: "To complete this module, pass its question; {{left}} left to pass.",
    checksLeft_other: "To complete this module, pass its {{count}} questions; {{left}} left to pass.",
    unavailableTitle: "Module unavailable",
    unavailableBody:
      "This module cannot be shown for the moment: its content is being corrected. Go on to the next one and come back later; if it lasts, tell your trainer.",
  },
  check: {
    label: "Question",
    submit: "Check my answer",
    checking: "Checking…",
    correct: "Correct.",
    incorrect: "That is not the right answer.",
    tryAgain: "Read the section again if needed, then choose another answer.",
    passed: "Question passed",
    yourAnswer: "Your answer: {{answer}}",
  },
  reflection: {
    label: "Reflection",
    save: "Save my answer",
    saving: "Saving…",
    saved: "Answer saved.",
    counter: "{{count}} / {{max}} characters",
    private: "Only you can see this answer.",
    reviewed: "A trainer will read your answer.",
    status: {
      none: "",
      pending: "Waiting for a trainer's review.",
      reviewed: "Reviewed by a trainer.",
    },
    comment: "Trainer's comment",
  },
  callout: { info: "Good to know", tip: "Tip", warning: "Warning" },
  example: { do: "Do", dont: "Don't" },
  clause: "Clause {{ref}}",
  errors: {
    notPlaced: "First answer the diagnostic questionnaire: your track is built from your answers.",
    unknownCheck: "This question does not exist in this module.",
    unknownOption: "This answer is not one of the choices offered.",
    chooseOption: "Choose an answer before checking.",
    alreadyPassed: "You have already passed this question: no need to answer it again.",
    unknownReflection: "This reflection does not exist in this module.",
    reflectionTooLong: "Your answer is longer than 2,000 characters: shorten it.",
    unknownSection: "This section does not exist in this module.",
  },
};

export default moduleStrings;
