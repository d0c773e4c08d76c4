/** Strings of the learner's track, module pages and knowledge checks (French). */
const track = {
  title: "Mon parcours",
  intro: "Votre parcours sur mesure\u00a0: le tronc commun, que tout le monde suit, et les modules de votre niveau.",
  notPlacedTitle: "Commençons par situer votre niveau",
  notPlacedBody:
    "Répondez d’abord au questionnaire de diagnostic. Il prend une dizaine de minutes, vous place dans l’un des cinq niveaux et construit votre parcours à partir de vos réponses.",
  takeDiagnostic: "Répondre au questionnaire de diagnostic",
  noTracks: "Les parcours sont momentanément indisponibles. Réessayez plus tard\u00a0; si cela persiste, prévenez votre formateur ou votre administrateur.",
  level: "Votre niveau\u00a0: {{level}}",
  progressLabel: "Progression du parcours",
  progressText_one: "{{completed}} module terminé sur {{total}} — {{percent}}\u00a0%",
  progressText_other: "{{completed}} modules terminés sur {{total}} — {{percent}}\u00a0%",
  timeLeft: "Temps restant estimé\u00a0: {{time}}",
  finished: "Parcours terminé\u00a0: bravo, vous avez suivi tous les modules\u00a0!",
  unavailableNote_one: "{{count}} module de votre parcours est momentanément indisponible\u00a0; il ne compte pas dans votre progression.",
  unavailableNote_other: "{{count}} modules de votre parcours sont momentanément indisponibles\u00a0; ils ne comptent pas dans votre progression.",
  modulesTitle: "Les modules de votre parcours",
  continue: "Continuer",
  startModule: "Commencer\u00a0: {{title}}",
  continueModule: "Continuer\u00a0: {{title}}",
  start: "Commencer",
  reread: "Relire",
  nextBadge: "À suivre",
  minutes: "{{count}} min",
  hoursMinutes: "{{hours}} h {{minutes}} min",
  readingTime: "{{count}} min de lecture",
  position: "Module {{position}} sur {{total}}",
  untitled: "Module indisponible",
  status: {
    not_started: "Pas commencé",
    in_progress: "En cours",
    completed: "Terminé",
    unavailable: "Indisponible",
  },
  origin: { core: "Tronc commun", level: "Votre niveau" },
  home: {
    diagnosticTitle: "Première étape\u00a0: le questionnaire de diagnostic",
    diagnosticBody: "Une dizaine de minutes pour situer votre rapport aux réseaux sociaux. Votre parcours de formation est ensuite construit pour vous.",
    diagnosticCta: "Répondre au questionnaire",
    trackTitle: "Votre parcours",
    seeTrack: "Voir tout mon parcours",
  },
};

export default track;
export type TrackStrings = typeof track;
