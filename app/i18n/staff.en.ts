import type { StaffStrings } from "./staff.fr";
import accreditationStaff from "./en/accreditation-staff";
import apiAdmin from "./en/api-admin";
import privacyAdmin from "./en/privacy-admin";
import charterEditor from "./en/charter-editor";
import provisioning from "./en/provisioning";
import reports from "./en/reports";
import settings from "./en/settings";
import ssoAdmin from "./en/sso-admin";
import staffView from "./en/staff-views";
import studio from "./en/studio";

/**
 * Interface strings of the staff's pages (people, teams, audit, settings, studio, API and webhooks admin,
 * managers' decisions), English; typed by staff.fr.ts so that no key can be missing.
 * The browser loads this group only for someone whose roles open those pages (app/i18n/strings.ts).
 */
const staff: StaffStrings = {
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
  },
  audit: {
    when: "When",
    who: "Who",
    action: "Action",
    subject: "Subject",
    change: "Before → after",
    why: "Reason",
    filterAction: "Filter by action (e.g. person.deactivated)",
    filterSubject: "Subject id",
    empty: "No entry matches these filters.",
    older: "Older entries",
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
  accreditation: accreditationStaff,
  api: apiAdmin,
  privacyAdmin,
  charterEditor,
  provisioning,
  reports,
  settings,
  ssoAdmin,
  staffView,
  studio,
};

export default staff;
