/**
 * A small label of state. The tone says how to read it (colour is never the only cue: the text is
 * always there); each pair of text and background colours reaches WCAG AA. The tones are classes of
 * app/styles/app.css (`.badge-<tone>`), so that learners' pages carry no colour table in JavaScript.
 */
import type { ReactNode } from "react";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger" | "brand";

export function Badge({ tone = "neutral", children, className = "" }: { tone?: BadgeTone; children: ReactNode; className?: string }) {
  return <span className={`badge badge-${tone} ${className}`}>{children}</span>;
}
