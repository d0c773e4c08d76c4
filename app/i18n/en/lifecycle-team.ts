import type { LifecycleTeamStrings } from "../fr/lifecycle-team";

/** Strings of a manager's decisions on an accreditation's life (English). Namespace `lifecycle.team.*` (staff group). */
const lifecycleTeam: LifecycleTeamStrings = {
  team: {
    reinstateTitle: "Reinstate the accreditation",
    reinstateHelp: "The person is back in the organisation. Reinstating makes their accreditation valid again until its end date.",
    reinstate: "Reinstate",
    reinstated: "{{name}}’s accreditation reinstated.",
    reopenTitle: "Reopen the case",
    reopenHelp: "After a revocation, the person must wait before requesting again. Reopening their case lets them request now.",
    reopen: "Reopen the case",
    reopened: "{{name}}’s case reopened: they may request again.",
    maxValidUntil: "On {{date}} at the latest.",
  },
};

export default lifecycleTeam;
