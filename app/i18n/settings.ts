/**
 * Strings of the admin settings page (fr and en). Each setting's own label and help live with its
 * definition in app/models/settings.server.ts, so that adding a setting is one entry there.
 */
const fr = {
  title: "Paramètres",
  intro: "Les réglages de la plateforme pour toute l'organisation. Chaque modification est inscrite au journal d'audit.",
  defaultValue: "Par défaut : {{value}}",
  range: "Entre {{min}} et {{max}}.",
  saved: "Paramètres enregistrés.",
  unchanged: "Aucun changement : rien n'a été enregistré.",
  errors: {
    integer: "Saisissez un nombre entier.",
    range: "Saisissez un nombre entre {{min}} et {{max}}.",
    unknown: "Ce paramètre n'existe pas.",
  },
};

const en: typeof fr = {
  title: "Settings",
  intro: "Platform settings for the whole organisation. Every change is recorded in the audit log.",
  defaultValue: "Default: {{value}}",
  range: "Between {{min}} and {{max}}.",
  saved: "Settings saved.",
  unchanged: "No change: nothing was saved.",
  errors: {
    integer: "Enter a whole number.",
    range: "Enter a number between {{min}} and {{max}}.",
    unknown: "This setting does not exist.",
  },
};

export const settingsStrings = { fr, en };
