import coreFr from "./app/i18n/core.fr";
import serverFr from "./app/i18n/server.fr";
import staffFr from "./app/i18n/staff.fr";
import diagnosticFr from "./app/i18n/diagnostic.fr";
import examFr from "./app/i18n/exam.fr";
import placementFr from "./app/i18n/placement.fr";
import trackFr from "./app/i18n/track.fr";
function flatten(s: any, p = "", out = new Map<string, string>()) { for (const [k, v] of Object.entries(s)) { if (typeof v === "string") out.set(p + k, v); else flatten(v, `${p}${k}.`, out); } return out; }
const fr = new Map([coreFr, examFr, diagnosticFr, trackFr, placementFr, staffFr, serverFr].flatMap((g) => [...flatten(g)]));
let n = 0;
for (const [k, v] of fr) if (/'/.test(v)) { n++; if (!/\p{L}'\p{L}/u.test(v.replace(/\p{L}'\p{L}/gu, "")) && process.argv[2] !== "all") { if (/'/.test(v.replace(/\p{L}'\p{L}/gu, ""))) console.log("ODD", k, JSON.stringify(v)); } else if (process.argv[2] === "all") console.log(k, JSON.stringify(v)); }
console.log(n, "strings with '", fr.size, "total");
