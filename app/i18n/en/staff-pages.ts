import type { StaffPagesStrings } from "../fr/staff-pages";

/** The staff pages' headers, filters and empty states (ADR 0037), English; typed by the French file. Namespace `staffPages.*`. */
const staffPages: StaffPagesStrings = {
  colon: ": ",
  filter: "Filter",
  clearFilters: "Clear the filters",
  teams: {
    intro: "The teams you follow, their members and their managers.",
    manage: "Manage teams",
    emptyAdmin: "Create a first team, then add people to it and name its managers.",
    emptyManager: "You do not manage any team yet. An administrator can give you one.",
  },
  team: {
    intro: "The team’s members, their level and where it comes from.",
    back: "← All teams",
    filterLabel: "Filter the members",
    allLevels: "All levels",
    noMatch: "No member matches these filters.",
    noMatchHint: "Widen the search or clear the filters.",
    empty: "This team has no members yet.",
    emptyHint: "Invite people and add them to this team.",
  },
  requests: {
    channels: "Networks",
    filterLabel: "Filter the accreditations",
    allStates: "All states",
    noMatch: "No accreditation matches these filters.",
    noPendingHint: "New requests from your teams will appear here; an email tells you about them too.",
    noActiveHint: "An accreditation appears here as soon as a request is granted.",
  },
  person: {
    back: "← All people",
    profile: "Profile",
    account: "Account",
    record: "Learning and accreditation",
    recordIntro: "Where {{name}} stands on the road to accreditation.",
    current: "Current accreditation",
    validUntil: "Valid until {{date}}",
    noAccreditation: "{{name}} has not requested an accreditation yet.",
    openCase: "Open the case",
    exams: "Exam attempts",
    examsEmpty: "No finished exam attempt.",
    examWhen: "Date",
    examScore: "Score",
    examResult: "Result",
    passed: "Passed",
    failed: "Failed",
    history: "Decision history",
  },
  audit: {
    emptyHint: "Widen the dates or clear the filters to see the whole log again.",
    oldest: "The oldest",
    newer: "Newer entries",
  },
  adminTeams: {
    intro: "Create teams, rename them and choose their managers.",
    seeTeams: "See the teams",
    list: "Teams",
    empty: "No team yet.",
    emptyHint: "Create the first one with the form above, then add people to it.",
  },
  tokens: {
    emptyHint: "Create one with the form above: it is shown only once.",
  },
  webhooks: {
    emptyHint: "Add the address of a tool that must be told about accreditation changes.",
  },
  studio: {
    backToEditor: "Back to the editor",
    historyEmptyHint: "Each publication of the module adds a version to this history.",
    empty: "No module yet.",
    emptyHint: "Create the first one with its identifier above, then write it in French and English.",
  },
  reviews: {
    back: "Back to the studio",
    emptyHint: "Reflections written by learners will appear here as soon as they wait for a review.",
  },
  reports: {
    noTeamHint: "This dashboard shows the teams you manage. An administrator can give you one.",
  },
};

export default staffPages;
