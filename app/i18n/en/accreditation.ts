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
  errors: {
    transitionNotAllowed: "This action is not possible in the accreditation's current state. Reload the page.",
    notEligible: "Not every condition is met: see the list of steps.",
    channelsRequired: "Choose at least one network.",
    channelNotOffered: "This network is not one the company offers.",
    channelNotRequested: "Only networks the person requested can be granted.",
    validUntilPast: "Choose an end date in the future.",
    reasonRequired: "Give a reason.",
    charterNotSigned: "The charter in force is not signed.",
    alreadyPastEnd: "The accreditation's end date has passed.",
    notYetExpired: "The accreditation's end date has not passed yet.",
    renewalTooEarly: "A renewal can be requested within 30 days of the end date.",
    notRecertified: "For a renewal, pass the exam again first.",
    conflict: "Someone else already handled this request in the meantime. Reload the page to see the decision.",
    notFound: "This accreditation does not exist or is outside your scope.",
    ownRequest: "You cannot decide on your own accreditation.",
    alreadyOpen: "You already have a request or an accreditation under way.",
    useRenewal: "Your accreditation already exists: request its renewal.",
    statementLength: "Your statement must be between 20 and 500 characters long.",
    channelsSetting: "List the networks separated by commas (letters, digits, spaces).",
    dateInvalid: "Enter a valid date.",
    reasonTooLong: "The reason must not exceed 500 characters.",
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
