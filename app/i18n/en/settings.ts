import type { SettingsStrings } from "../fr/settings";

/**
 * Strings of the admin settings page (English). Each setting's own label and help live with its
 * definition in app/models/settings.server.ts, so that adding a setting is one entry there.
 */
const settings: SettingsStrings = {
  title: "Settings",
  intro: "Platform settings for the whole organisation. Every change is recorded in the audit log.",
  defaultValue: "Default: {{value}}",
  range: "Between {{min}} and {{max}}.",
  saved: "Settings saved.",
  unchanged: "No change: nothing was saved.",
  general: "Programme and security",
  brand: {
    title: "Appearance",
    currentLogo: "Current logo",
    removeLogo: "Remove the logo",
    save: "Save the appearance",
  },
  errors: {
    accentFormat: "Enter a colour in hex format, e.g. #1e40af.",
    accentContrast: "White text on this colour reaches a contrast of only {{ratio}}:1 (at least 4.5:1 is needed). Choose a darker colour, e.g. {{suggestion}}.",
    timeZone: "Enter a known IANA time zone, e.g. Europe/Paris.",
    integer: "Enter a whole number.",
    range: "Enter a number between {{min}} and {{max}}.",
    unknown: "This setting does not exist.",
  },
};

export default settings;
