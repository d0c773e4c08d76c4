import type { Placement } from "../domain/placement";
import en from "./en/placement";
import fr from "./fr/placement";
import { interpolate } from "./translate";

export const placementStrings = { fr, en };

/** A placement in words, for the command line (pages and e-mails use the translator). */
export function describePlacement(placement: Placement, lang: keyof typeof placementStrings) {
  const strings = placementStrings[lang];
  const level = strings.levels[placement.level];
  return {
    title: interpolate(strings.resultTitle, { level: level.name }),
    description: level.description,
    commonCore: strings.commonCore,
    reasons: placement.facts.map((fact) => interpolate(strings.facts[fact.key], fact.params)),
  };
}
