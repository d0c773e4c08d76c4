import type { CoreStrings } from "./core.fr";
import accreditation from "./en/accreditation";
import lifecycle from "./en/lifecycle";
import security from "./en/security";

/**
 * Interface strings of every learner's page (root layout, navigation, errors, sign-in, account, track,
 * diagnostic, placement, charter, exam, accreditation), English; typed by core.fr.ts so that no key can be missing.
 * The browser always loads this group (app/i18n/strings.ts).
 */
const core: CoreStrings = {
  app: {
    name: "Ambassade",
    tagline: "Train ambassadors, prove who may speak for the company.",
    skipToContent: "Skip to content",
  },
  nav: {
    main: "Main navigation",
    menu: "Menu",
    administration: "Administration",
    inbox: "Notifications",
    home: "Home",
    myTrack: "My track",
    teams: "Teams",
    people: "People",
    adminTeams: "Manage teams",
    audit: "Audit log",
    settings: "Settings",
    myLevel: "My level",
    account: "My account",
    signOut: "Sign out",
    language: "Language",
    switchTo: "Français",
    switchToLabel: "Passer en français",
  },
  roles: { employee: "Employee", trainer: "Trainer", manager: "Manager", admin: "Admin" },
  common: {
    percent: "{{value}}%",
    dismiss: "Dismiss this message",
    previous: "Previous",
    next: "Next",
    page: "Page {{page}} of {{pages}}",
    none: "None",
    yes: "Yes",
    no: "No",
    back: "Back",
    actions: "Actions",
    required: "required",
  },
  inbox: {
    unreadSuffix_one: "unread",
    unreadSuffix_other: "unread",
  },
  home: {
    title: "Hello {{name}}",
    intro: "Here is where you stand.",
    staffIntro: "Your tools, by role:",
    teamsCard: "See the teams you follow",
    peopleCard: "Manage people and invitations",
  },
  errors: {
    title: "Something went wrong",
    forbiddenTitle: "Access denied",
    forbidden: "Your roles do not give access to this page. If you think this is a mistake, contact your administrator.",
    notFoundTitle: "Page not found",
    notFound: "This page does not exist or is outside your scope.",
    serverTitle: "Server error",
    server: "Something went wrong on our side. Try again in a moment; if it persists, tell your administrator.",
    goHome: "Back to home",
    formHasErrors: "The form has errors: fix the highlighted fields.",
    required: "This field is required.",
    emailInvalid: "Enter a valid email address, for example first.last@company.com.",
    emailTaken: "Someone already uses this email address.",
    tooLong: "This text is too long: shorten it.",
    passwordTooShort: "The password must be at least 12 characters long.",
    passwordMismatch: "The two passwords do not match.",
    linkInvalid: "This link was already used or has expired. Ask for a new one.",
    alreadyAccepted: "This person has already activated their account.",
    invalidInput: "Invalid value.",
  },
  security,
  accreditation,
  lifecycle,
  privacy: {
    errors: {
      noticeChanged: "The notice changed since the page was shown: read it again before you continue.",
    },
  },
  api: { nav: "API" },
  // The studio's entry in the navigation (its marks on learners' pages are in the track group).
  studio: {
    nav: "Studio",
  },
};

export default core;
