import type { CoreStrings } from "./core.fr";
import accreditation from "./en/accreditation";
import api from "./en/api";
import diagnostic from "./en/diagnostic";
import lifecycle from "./en/lifecycle";
import placement from "./en/placement";
import privacy from "./en/privacy";
import security from "./en/security";
import sso from "./en/sso";
import track from "./en/track";

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
    dismiss: "Dismiss this message",
    save: "Save",
    cancel: "Cancel",
    search: "Search",
    previous: "Previous",
    next: "Next",
    page: "Page {{page}} of {{pages}}",
    results_one: "{{count}} result",
    results_other: "{{count}} results",
    none: "None",
    noTeam: "No team",
    yes: "Yes",
    no: "No",
    back: "Back",
    status: "Status",
    active: "Active",
    inactive: "Deactivated",
    invited: "Invitation sent",
    name: "Name",
    email: "Email address",
    team: "Team",
    roles: "Roles",
    actions: "Actions",
    required: "required",
  },
  login: {
    title: "Sign in",
    intro: "Sign in with the email address your invitation was sent to.",
    email: "Email address",
    password: "Password",
    submit: "Sign in",
    forgot: "Forgot your password?",
    invalid: "Wrong email address or password.",
    throttled: "Too many failed attempts. Try again in 15 minutes or reset your password.",
    demoHint: "Demo: the logins are listed in the README; the password was printed at the first start and is kept in the data folder (demo-password.txt).",
  },
  logout: {
    title: "Sign out",
    here: "Sign out of this device",
    everywhere: "Sign out of all devices",
    everywhereHelp: "Ends every open session, on all your devices.",
    done: "You are signed out.",
    doneEverywhere: "All your sessions have been closed.",
  },
  invite: {
    title: "Invite someone",
    intro: "They receive a single-use link, valid for 7 days, to choose their password.",
    submit: "Send the invitation",
    sent: "Invitation sent to {{email}}.",
    acceptTitle: "Welcome, {{name}}",
    acceptIntro: "Choose your password to activate your account {{email}}.",
    acceptSubmit: "Activate my account",
    accepted: "Your account is active. Welcome!",
    invalidTitle: "Invalid link",
    invalidBody: "This invitation link was already used or has expired. Ask your manager or administrator for a new invitation.",
    resend: "Resend the invitation",
    resent: "A new invitation has been sent.",
    mailFailedAskAdmin:
      "The invitation for {{email}} is saved, but the message could not be sent: the mail server could not be reached or refused it. Ask an administrator to check the mail settings and resend the invitation.",
    mailFailed:
      "The invitation for {{email}} is saved, but the message could not be sent: the mail server could not be reached or refused it. Check the mail settings (SMTP_URL), then resend the invitation from this page.",
  },
  password: {
    new: "New password",
    confirm: "Confirm the password",
    rules: "At least 12 characters, hard to guess: a phrase of a few random words works well, without your name or email.",
    forgotTitle: "Forgot your password",
    forgotIntro: "Enter your email address: if an account exists, you will receive a link valid for one hour.",
    forgotSubmit: "Send the link",
    forgotSent: "If an account exists for this address, a reset link has just been sent.",
    resetTitle: "Choose a new password",
    resetSubmit: "Save the password",
    resetDone: "Password changed. Sign in with the new one.",
  },
  account: {
    title: "My account",
    profile: "Profile",
    language: "Interface language",
    languageSaved: "Language saved.",
    sessions: "Sessions",
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
    rolesRequired: "Choose at least one role.",
    roleInvalid: "Unknown role.",
    teamRequired: "Choose a team.",
    teamInvalid: "This team does not exist or is outside your scope.",
    teamNameTaken: "A team already has this name.",
    notAManager: "Every chosen manager must hold the Manager role.",
    linkInvalid: "This link was already used or has expired. Ask for a new one.",
    alreadyAccepted: "This person has already activated their account.",
    managerRoles: "A manager can only invite employees.",
    invalidInput: "Invalid value.",
  },
  placement,
  diagnostic,
  track,
  security,
  accreditation,
  lifecycle,
  privacy,
  sso,
  api,
  // The studio's entry in the navigation and its marks on learners' pages.
  studio: {
    nav: "Studio",
    learner: {
      updatedBadge: "Updated — please review",
      updatedTitle: "This module was updated",
      updatedBody:
        "It changed significantly since you completed it. Your module stays completed: read it again, answer any new questions, then confirm.",
      markReviewed: "I have reviewed this module",
      errors: {
        notCompleted: "This module is not completed yet.",
        checksFirst: "First answer the module's new questions.",
      },
    },
  },
};

export default core;
