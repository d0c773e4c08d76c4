import en from "./en";
import fr from "./fr";

export const resources = { fr: { translation: fr }, en: { translation: en } } as const;
