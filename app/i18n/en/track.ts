import type { TrackStrings } from "../fr/track";

/** Strings of the learner's track, module pages and knowledge checks (English). */
const track: TrackStrings = {
  title: "My track",
  intro: "Your tailored track: the common core that everyone takes, and the modules of your level.",
  notPlacedTitle: "Let's start by finding your level",
  notPlacedBody:
    "First, answer the diagnostic questionnaire. It takes about ten minutes, places you in one of five levels and builds your track from your answers.",
  takeDiagnostic: "Take the diagnostic questionnaire",
  noTracks: "Tracks are unavailable for the moment. Try again later; if it persists, tell your trainer or administrator.",
  level: "Your level: {{level}}",
  progressLabel: "Track progress",
  progressText_one: "{{completed}} of {{total}} modules completed — {{percent}}%",
  progressText_other: "{{completed}} of {{total}} modules completed — {{percent}}%",
  timeLeft: "Estimated time left: {{time}}",
  finished: "Track completed: well done, you have taken every module!",
  unavailableNote_one: "{{count}} module of your track is unavailable for the moment; it does not count in your progress.",
  unavailableNote_other: "{{count}} modules of your track are unavailable for the moment; they do not count in your progress.",
  modulesTitle: "The modules of your track",
  continue: "Continue",
  startModule: "Start: {{title}}",
  continueModule: "Continue: {{title}}",
  start: "Start",
  reread: "Read again",
  nextBadge: "Up next",
  minutes: "{{count}} min",
  hoursMinutes: "{{hours}} h {{minutes}} min",
  readingTime: "{{count}} min read",
  position: "Module {{position}} of {{total}}",
  untitled: "Unavailable module",
  status: {
    not_started: "Not started",
    in_progress: "In progress",
    completed: "Completed",
    unavailable: "Unavailable",
  },
  origin: { core: "Common core", level: "Your level" },
  home: {
    diagnosticTitle: "First step: the diagnostic questionnaire",
    diagnosticBody: "About ten minutes to gauge how you relate to social media. Your training track is then built for you.",
    diagnosticCta: "Take the questionnaire",
    trackTitle: "Your track",
    seeTrack: "See my whole track",
  },
};

export default track;
