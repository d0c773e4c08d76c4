import type { SecurityStrings } from "../fr/security";

/** Strings of the safe-to-deploy protections: passwords, free text, queued mails, storage (English). */
const security: SecurityStrings = {
  errors: {
    passwordTooShort: "The password must be at least 12 characters long.",
    passwordWeak:
      "This password is too easy to guess: avoid common passwords, sequences (1234, qwerty), repetitions and dates. A phrase of a few words chosen at random is both strong and easy to remember.",
    passwordPersonal: "This password contains your name or your email address: choose one that says nothing about you.",
    forbiddenCharacters:
      "This text contains invisible or control characters (line break, tab, direction override, zero-width space…). Type it rather than paste it.",
    storageUnavailable:
      "The service cannot save anything right now (the database is read-only or unavailable). Try again later; if this persists, tell your administrator.",
  },
};

export default security;
