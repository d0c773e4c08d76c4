import type { CharterStrings } from "../fr/charter";

/** Strings of the charter page: reading, the comprehension check and signing (English). Namespace `accreditation.charter.*` (the page group "charter"). */
const charter: CharterStrings = {
  title: "Social media charter",
  versionLine: "Version {{version}}, in force since {{date}}",
  signedInfo: "You signed this version on {{date}}.",
  mustSign: "Read the charter, answer the comprehension questions, then sign.",
  changesTitle: "What changed in this version",
  signTitle: "Sign the charter",
  checkLegend: "Comprehension questions",
  checkIntro: "Answer every question: all answers must be right to sign.",
  question: "Question {{n}}",
  clause: "clause {{ref}}",
  fullName: "Your full name",
  fullNameHint: "Type your name as it appears on your account: {{name}}.",
  confirm: "I have read the charter and I commit to follow it.",
  submit: "Sign the charter",
  signed: "Charter signed. Thank you!",
  signedReinstated: "Charter signed: your accreditation is valid again.",
  noneInForce: "No charter is in force yet.",
  changed: "The charter changed since you opened the page: read it again before signing.",
  alreadySigned: "You already signed this version.",
  answerRequired: "Answer this question.",
  wrongAnswer: "Wrong answer.",
  nameMismatch: "The name you typed does not match your account's.",
  confirmRequired: "Tick the box to confirm your commitment.",
  unknownVersion: "This version does not exist in the content.",
  notNewer: "Only a version newer than the one in force can be published.",
  unavailable: "This version of the charter is not available in the content: tell an administrator.",
};

export default charter;
