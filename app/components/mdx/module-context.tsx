import { createContext, useContext } from "react";

/** What the action answers to a knowledge check: the grade and the chosen option's explanation. */
export type CheckActionData = {
  intent: "check";
  checkId: string;
  optionId: string;
  correct: boolean;
  explanation: string;
  moduleCompleted: boolean;
};

export type ReflectionActionData = { intent: "reflection"; reflectionId: string; reviewStatus: "none" | "pending" | "reviewed" };

export type ErrorActionData = { fieldErrors: Record<string, string> };

export type ModuleActionData = CheckActionData | ReflectionActionData | { intent: "visit" } | { intent: "review" } | ErrorActionData;

export type SavedReflectionView = {
  text: string;
  reviewStatus: "none" | "pending" | "reviewed";
  reviewComment: string | null;
  updatedAt: string;
};

/**
 * What the interactive components of a module (knowledge checks, reflections) need from the page.
 * Without it (e.g. the charter), they render read-only.
 */
export type ModuleInteraction = {
  moduleId: string;
  /** The URL the forms post to. */
  action: string;
  /** The language the content is shown in (graded against that language's answer key). */
  contentLocale: "fr" | "en";
  /** Checks already passed: the option chosen and its explanation. */
  passed: Record<string, { optionId: string; explanation: string }>;
  reflections: Record<string, SavedReflectionView>;
  reflectionMax: number;
  /** The action's answer after a plain (no JavaScript) form post, if any. */
  actionData: ModuleActionData | null | undefined;
};

export const ModuleInteractionContext = createContext<ModuleInteraction | null>(null);

export function useModuleInteraction(): ModuleInteraction | null {
  return useContext(ModuleInteractionContext);
}

export function isCheckResult(data: unknown, checkId: string): data is CheckActionData {
  return typeof data === "object" && data !== null && (data as CheckActionData).intent === "check" && (data as CheckActionData).checkId === checkId;
}

export function fieldErrorsOf(data: unknown): Record<string, string> | null {
  if (typeof data !== "object" || data === null || !("fieldErrors" in data)) return null;
  return (data as ErrorActionData).fieldErrors;
}
