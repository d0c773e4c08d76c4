/**
 * The one date module (ADR 0022): every date a person reads is formatted here, with `Intl` and an
 * explicit time zone, so the server and the browser render the same text (no hydration mismatch) and
 * French and English pages use the same few formats.
 *
 * Which time zone: the reader's (the browser's, which `entry.client.tsx` writes to the `ambassade_tz`
 * cookie on its first load), else the organisation's setting `organisation.timeZone`. The root loader
 * resolves it once per request (`timeZone` in the shell data); components read it with `useDates`
 * (app/components/dates.tsx); server code (mail, exports) passes one explicitly.
 *
 * Isomorphic and small: it ships to the browser.
 */

export const TIME_ZONE_COOKIE = "ambassade_tz";

/** The organisation's time zone when nothing else is known (the setting's default). */
export const DEFAULT_TIME_ZONE = "Europe/Paris";

/**
 * How a date is shown:
 * - `date`: 7 décembre 2026 / 7 December 2026;
 * - `dateTime`: 7 décembre 2026 à 18:05 / 7 December 2026 at 18:05;
 * - `dateTimeZone`: the same with the zone's short name (a deadline, where the zone matters);
 * - `time`: 18:05;
 * - `monthYear`: décembre 2026 / December 2026.
 */
export type DateStyle = "date" | "dateTime" | "dateTimeZone" | "time" | "monthYear";

const OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { day: "numeric", month: "long", year: "numeric" },
  dateTime: { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" },
  dateTimeZone: { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" },
  time: { hour: "2-digit", minute: "2-digit" },
  monthYear: { month: "long", year: "numeric" },
};

/** The BCP 47 tag used for each interface language (British English: day before month, 24-hour clock). */
export function intlLocale(language: string): string {
  return language === "en" ? "en-GB" : "fr-FR";
}

const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(language: string, timeZone: string, style: DateStyle | "isoDay"): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}|${style}`;
  let format = formats.get(key);
  if (!format) {
    format =
      style === "isoDay"
        ? new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
        : new Intl.DateTimeFormat(intlLocale(language), { ...OPTIONS[style], timeZone, hourCycle: "h23" });
    formats.set(key, format);
  }
  return format;
}

/** Whether `value` names a time zone this runtime knows (IANA names such as "Europe/Paris", or "UTC"). */
/** Zones already found valid: building a formatter to check one costs more than the rest of a small page's work. */
const knownZones = new Set<string>();

export function isTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || value.length === 0 || value.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(value)) return false;
  if (knownZones.has(value)) return true;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    // Bounded: the IANA database has about 600 names, and only valid ones are kept.
    if (knownZones.size < 1000) knownZones.add(value);
    return true;
  } catch {
    return false;
  }
}

export type DateInput = string | number | Date;
export type DateContext = { language: string; timeZone: string };

function toDate(value: DateInput): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A date in words, in the reader's language and time zone ("" for a missing or invalid date). */
export function formatDate(value: DateInput | null | undefined, style: DateStyle, context: DateContext): string {
  if (value === null || value === undefined) return "";
  const date = toDate(value);
  if (!date) return "";
  const timeZone = isTimeZone(context.timeZone) ? context.timeZone : "UTC";
  return formatter(context.language, timeZone, style).format(date);
}

/** The calendar day (YYYY-MM-DD) of a moment in a time zone: file names, CSV cells, `<input type="date">`. */
export function isoDay(value: DateInput, timeZone = "UTC"): string {
  const date = toDate(value);
  if (!date) return "";
  return formatter("en", isTimeZone(timeZone) ? timeZone : "UTC", "isoDay").format(date);
}

/** Parses a calendar day (YYYY-MM-DD) typed in a form: the UTC midnight of that day, or null when it is not a real day. */
export function parseIsoDay(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : date;
}

/** Reads the reader's time zone from a Cookie header (null when absent or not a known zone). */
export function readTimeZoneCookie(cookieHeader: string | null): string | null {
  const match = cookieHeader?.match(new RegExp(`(?:^|;\\s*)${TIME_ZONE_COOKIE}=([^;]+)`));
  if (!match) return null;
  let value: string;
  try {
    value = decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
  return isTimeZone(value) ? value : null;
}

/** Time left until `deadline`, split for a countdown ("12:05" or "1:02:05"); zero once passed. */
export function timeLeft(deadline: DateInput, now: DateInput): { totalSeconds: number; text: string } {
  const end = toDate(deadline)?.getTime() ?? 0;
  const start = toDate(now)?.getTime() ?? 0;
  const totalSeconds = Math.max(0, Math.floor((end - start) / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const two = (n: number) => String(n).padStart(2, "0");
  return { totalSeconds, text: hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}` };
}

/**
 * The moment a calendar day (YYYY-MM-DD) starts in a time zone (a "from" or "to" day typed by a reader
 * filtering by date), or null when it is not a real day.
 */
export function startOfDayIn(day: string, timeZone: string): Date | null {
  const utcMidnight = parseIsoDay(day);
  if (!utcMidnight) return null;
  const zone = isTimeZone(timeZone) ? timeZone : "UTC";
  // The zone's offset at that moment, then once more at the corrected moment (a change of offset that day).
  let guess = utcMidnight.getTime();
  for (let i = 0; i < 2; i++) guess = utcMidnight.getTime() - offsetMs(new Date(guess), zone);
  return new Date(guess);
}

function offsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour") % 24, n("minute"), n("second"));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}
