/** Small pieces of the learner's track and module pages. */
import { useTranslation } from "~/i18n/react";
import type { TFunction } from "~/i18n/translate";
import { Badge, type BadgeTone } from "~/components/ui";
// The page group of strings this file names (ADR 0032).
import "~/i18n/load/track.client";

export type ModuleStatusName = "not_started" | "in_progress" | "completed" | "unavailable";

/** "45 min" or "2 h 05 min". */
export function formatMinutes(t: TFunction, minutes: number): string {
  if (minutes < 60) return t("track.minutes", { count: minutes });
  const hours = Math.floor(minutes / 60);
  return t("track.hoursMinutes", { hours, minutes: String(minutes % 60).padStart(2, "0") });
}

/**
 * A native <progress> (role progressbar, value 0–100), styled through its pseudo-elements: the CSP
 * forbids inline styles, so a width cannot be set from the page's HTML.
 */
export function ProgressBar({ percent, label, valueText }: { percent: number; label: string; valueText: string }) {
  const { t } = useTranslation();
  const clamped = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div>
      <progress max={100} value={clamped} aria-label={label} aria-valuetext={valueText} className="progress">
        {t("common.percent", { value: clamped })}
      </progress>
      <p className="muted mt-2 text-sm">{valueText}</p>
    </div>
  );
}

/** Badge tones of app/styles/app.css (the design system's `.badge-<tone>`). */
const BADGE: Record<ModuleStatusName, BadgeTone> = { not_started: "neutral", in_progress: "warning", completed: "success", unavailable: "neutral" };
const ICON: Record<ModuleStatusName, string> = { not_started: "○", in_progress: "◐", completed: "✓", unavailable: "–" };

export function StatusBadge({ status }: { status: ModuleStatusName }) {
  const { t } = useTranslation();
  return (
    <Badge tone={BADGE[status]}>
      <span aria-hidden="true">{ICON[status]}</span>
      {t(`track.status.${status}`)}
    </Badge>
  );
}
