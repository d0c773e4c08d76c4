import type { AccreditationStrings } from "../fr/accreditation";

/** Strings of the charter, the exam and the learner's accreditation (English). */
const accreditation: AccreditationStrings = {
  colon: ": ",
  nav: {
    mine: "My accreditation",
    requests: "Requests",
    charterAdmin: "Charter",
  },
  next: {
    title: "Next step",
    placed: "Answer the placement questionnaire.",
    track: "Continue your training track.",
    exam: "Take the accreditation exam.",
    charter: "Read and sign the social media charter.",
    request: "Everything is ready: request your accreditation.",
    renew: "You can request the renewal of your accreditation.",
    recertify: "To renew your accreditation, take the exam again (and sign the charter in force).",
    resign: "Sign the new version of the charter to make your accreditation valid again.",
    pending: "Your request is waiting for your manager's decision.",
    inForce: "Your accreditation is valid.",
    none: "Nothing to do for now.",
    actions: {
      placed: "Take the questionnaire",
      trackStart: "Start my track",
      trackContinue: "Continue my track",
      exam: "Take the exam",
      charter: "Sign the charter",
      request: "Request my accreditation",
      renew: "Request a renewal",
      recertify: "Retake the exam",
      resign: "Sign the new charter",
      inForce: "See my certificate",
    },
    go: "Go",
  },
  // The rest of the exam pages' strings are their own group (../exam.en.ts, app/i18n/en/exam.ts).
  exam: {
    refused: {
      trackIncomplete: "The exam opens once your track is complete: follow your modules first.",
      inProgress: "An attempt is already in progress: finish it.",
      cooldown: "You can take the exam again from {{date}}.",
      maxAttempts: "You have reached the maximum number of attempts: next attempt possible from {{date}}.",
    },
  },
};

export default accreditation;
