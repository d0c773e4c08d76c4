/**
 * Strings of the admin settings page (French). Each setting's own label and help live with its
 * definition in app/models/settings.server.ts, so that adding a setting is one entry there.
 */
const settings = {
  title: "Paramètres",
  intro: "Les réglages de la plateforme pour toute l’organisation. Chaque modification est inscrite au journal d’audit.",
  defaultValue: "Par défaut\u00a0: {{value}}",
  range: "Entre {{min}} et {{max}}.",
  saved: "Paramètres enregistrés.",
  unchanged: "Aucun changement\u00a0: rien n’a été enregistré.",
  general: "Programme et sécurité",
  brand: {
    title: "Apparence",
    currentLogo: "Logo actuel",
    removeLogo: "Retirer le logo",
    save: "Enregistrer l’apparence",
  },
  errors: {
    accentFormat: "Saisissez une couleur au format hexadécimal, par exemple #1e40af.",
    accentContrast:
      "Le contraste du texte blanc sur cette couleur n’est que {{ratio}}:1 (il faut au moins 4,5:1). Choisissez une couleur plus foncée, par exemple {{suggestion}}.",
    timeZone: "Saisissez un fuseau horaire IANA connu, par exemple Europe/Paris.",
    integer: "Saisissez un nombre entier.",
    range: "Saisissez un nombre entre {{min}} et {{max}}.",
    unknown: "Ce paramètre n’existe pas.",
  },
};

export default settings;
export type SettingsStrings = typeof settings;
