import privacy from "./en/privacy";
import sso from "./en/sso";
import type { AccountGroup } from "./account.fr";

/**
 * The strings of signing in and of one's account (English, typed by account.fr.ts): sign-in, single sign-on, sign-out, invitations,
 * passwords, the account page and the privacy notice. Loaded by the pages that use them (app/i18n/load/account.client.ts),
 * and by staff with their group (people's invitations).
 */
const group: AccountGroup = {
  // The inbox page (the header's unread count is in the core group).
  inbox: {
    title: "Notifications",
    intro: "What concerns you in Ambassade, newest first.",
    empty: "No notifications yet.",
    unread_zero: "None unread",
    unread_one: "{{count}} unread",
    unread_other: "{{count}} unread",
    newBadge: "New",
    openHint: "Open and mark as read",
    markRead: "Mark as read",
    markAllRead: "Mark all as read",
    markedAll: "All your notifications are marked as read.",
    notFound: "This notification does not exist.",
    older: "Older",
  },
  // Labels of the account page (and the staff pages' forms, which get this group).
  common: {
    save: "Save",
    noTeam: "No team",
    name: "Name",
    email: "Email address",
    team: "Team",
    roles: "Roles",
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
    notificationsTitle: "Email messages",
    notificationsIntro: "Choose what you receive by email. Everything stays in your notifications, in Ambassade.",
    notificationsMandatory: "Always sent, as they change what you may do on the company’s behalf: {{kinds}}.",
    notificationsSaved: "Your message preferences are saved.",
    passwordTitle: "Change my password",
    passwordCurrent: "Current password",
    passwordSubmit: "Change password",
    passwordChanged: "Password changed. Your sessions on other devices are closed.",
    passwordWrong: "This is not your current password.",
    passwordNone: "Your account has no password: you sign in through your organisation’s single sign-on.",
  },
  sso,
  privacy,
};

export default group;
