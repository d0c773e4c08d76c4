import type { StaffStrings } from "./staff.fr";
import accreditationStaff from "./en/accreditation-staff";
import lifecycleTeam from "./en/lifecycle-team";
import securityInvite from "./en/security-invite";
import apiAdmin from "./en/api-admin";
import privacyAdmin from "./en/privacy-admin";
import charterEditor from "./en/charter-editor";
import provisioning from "./en/provisioning";
import reports from "./en/reports";
import settings from "./en/settings";
import ssoAdmin from "./en/sso-admin";
import staffView from "./en/staff-views";
import staffPages from "./en/staff-pages";
import studio from "./en/studio";

/**
 * Interface strings of the staff's pages (people, teams, audit, settings, studio, API and webhooks admin,
 * managers' decisions), English; typed by staff.fr.ts so that no key can be missing.
 * The browser loads this group only for someone whose roles open those pages (app/i18n/strings.ts).
 */
const staff: StaffStrings = {
  // Column names and labels of the staff pages' tables and forms.
  common: {
    cancel: "Cancel",
    search: "Search",
    results_one: "{{count}} result",
    results_other: "{{count}} results",
    status: "Status",
    active: "Active",
    inactive: "Deactivated",
    invited: "Invitation pending",
  },
  people: {
    title: "People",
    searchLabel: "Search by name or email",
    invite: "Invite someone",
    empty: "Nobody matches this search.",
    editTitle: "Edit {{name}}",
    saved: "Changes saved.",
    deactivate: "Deactivate the account",
    deactivateHelp: "They can no longer sign in and all their sessions end at once.",
    reactivate: "Reactivate the account",
    deactivated: "Account deactivated: their sessions are closed.",
    reactivated: "Account reactivated.",
    selfDeactivate: "You cannot deactivate your own account.",
  },
  teams: {
    title: "Teams",
    members_one: "{{count}} member",
    members_other: "{{count}} members",
    managers: "Managers",
    noManager: "No manager",
    create: "Create a team",
    createSubmit: "Create",
    created: "Team created.",
    rename: "Rename",
    renamed: "Team renamed.",
    managersSaved: "Managers updated.",
    assignManagers: "Team managers",
    assignHelp: "Only people with the Manager role can be chosen.",
    name: "Team name",
    memberList: "Team members",
    empty: "No team to show.",
    chat: {
      title: "Team chat channel",
      intro:
        "Optional: a Slack or Microsoft Teams incoming webhook where Ambassade announces requests waiting and accreditations about to end in this team. Messages hold only names and links to Ambassade.",
      none: "No webhook is set for this team.",
      current: "Messages go to {{host}} ({{format}}).",
      lastFailed: "The last message could not be delivered ({{error}}).",
      lastDelivered: "Last message delivered on",
      url: "Incoming webhook address",
      newUrl: "New incoming webhook address",
      urlHint: "Copied from Slack (Incoming Webhooks) or Teams (Workflows). It stays secret: it is not shown again once saved.",
      format: "Message format",
      formatHint: "Slack’s and Teams’ addresses decide their format; choose it for other tools.",
      formats: { slack: "Slack (or compatible)", teams: "Microsoft Teams" },
      language: "Language of the messages",
      save: "Save the webhook",
      remove: "Remove the webhook",
      saved: "Team chat webhook saved.",
      removed: "Team chat webhook removed.",
    },
  },
  audit: {
    intro: "Who did what, and when, across the organisation. Dates are in your time zone.",
    filters: "Filter the log",
    filterActor: "Done by",
    filterPerson: "About",
    filterPersonHint: "Name or address, even in part.",
    filterAction: "Action",
    allActions: "All actions",
    from: "From",
    to: "To (included)",
    apply: "Filter",
    clear: "Clear the filters",
    export: "Export as CSV",
    when: "When",
    what: "What happened",
    why: "Reason",
    empty: "No entry matches these filters.",
    older: "Older entries",
    newest: "Newest entries",
    pages: "Pages of the log",
    errors: {
      action: "This action does not exist: choose it from the list.",
      date: "A date is written YYYY-MM-DD and must exist.",
      order: "The end date must come after the start date.",
    },
    csv: {
      at: "Date (UTC)",
      localTime: "Date ({{zone}})",
      actor: "Done by",
      person: "About",
      action: "Action",
      sentence: "What happened",
      reason: "Reason",
      code: "Action code",
      subject: "Subject",
    },
  },

  // The trainers' page that overrides a person's level.
  diagnostic: {
    person: {
      title: "{{name}}'s level",
      current: "Current level",
      notPlaced: "Not placed yet",
      mayRetake: "May take the questionnaire now.",
      earlierQuestionnaire:
        "Level computed with an earlier version of the questionnaire (version {{version}}; current version: {{current}}). The person keeps it until they take the questionnaire again; the reasons shown are the ones given at the time.",
      waiting: "May take the questionnaire again from {{date}}.",
      overrideTitle: "Set the level",
      overrideIntro: "The person will see your name and your reason. The change is recorded in the audit log.",
      level: "Level",
      reason: "Reason",
      reasonHint: "What the person will read: be specific and kind (500 characters at most).",
      overrideSubmit: "Save this level",
      overridden: "{{name}}'s level is now “{{level}}”.",
      resetTitle: "Allow a retake of the questionnaire",
      resetIntro: "Without waiting for the end of the period set by the administrator. The current level stays until the person finishes.",
      resetSubmit: "Allow now",
      resetDone: "{{name}} may take the questionnaire again.",
      resetAlready: "Already allowed to take the questionnaire again.",
    },
  },
  // Refusals of the people and teams forms (only staff send them).
  errors: {
    rolesRequired: "Choose at least one role.",
    roleInvalid: "Unknown role.",
    teamRequired: "Choose a team.",
    teamInvalid: "This team does not exist or is outside your scope.",
    teamNameTaken: "A team already has this name.",
    notAManager: "Every chosen manager must hold the Manager role.",
    managerRoles: "A manager can only invite employees.",
  },
  accreditation: accreditationStaff,
  lifecycle: lifecycleTeam,
  security: securityInvite,
  api: apiAdmin,
  privacyAdmin,
  charterEditor,
  provisioning,
  reports,
  settings,
  ssoAdmin,
  staffView,
  staffPages,
  studio,
};

export default staff;
