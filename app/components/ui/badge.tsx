/**
 * A small label of state. The tone says how to read it (colour is never the only cue: the text is
 * always there); each pair of text and background colours reaches WCAG AA.
 */
import type { ReactNode } from "react";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger" | "brand";

export const BADGE_TONES: Record<BadgeTone, string> = {
  neutral: "border-slate-300 bg-slate-50 text-slate-800",
  info: "border-sky-300 bg-sky-50 text-sky-900",
  success: "border-emerald-300 bg-emerald-50 text-emerald-900",
  warning: "border-amber-500 bg-amber-50 text-amber-950",
  danger: "border-red-300 bg-red-50 text-red-900",
  brand: "border-brand-200 bg-brand-50 text-brand-900",
};

export function Badge({ tone = "neutral", children, className = "" }: { tone?: BadgeTone; children: ReactNode; className?: string }) {
  return <span className={`badge ${BADGE_TONES[tone]} ${className}`}>{children}</span>;
}
