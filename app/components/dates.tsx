/**
 * Dates in the page's language and the reader's time zone (app/utils/dates.ts, ADR 0022). The zone is
 * the one the root loader resolved for this request, so the server and the browser render the same text.
 */
import { useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { DEFAULT_TIME_ZONE, formatDate, type DateInput, type DateStyle } from "~/utils/dates";

/** The time zone dates are shown in (the root loader's `timeZone`). */
export function useTimeZone(): string {
  const root = useRouteLoaderData("root") as { timeZone?: string } | undefined;
  return root?.timeZone ?? DEFAULT_TIME_ZONE;
}

type Value = DateInput | null | undefined;

/** Formatters bound to the page's language and the reader's time zone. */
export function useDates() {
  const { i18n } = useTranslation();
  const timeZone = useTimeZone();
  const context = { language: i18n.language, timeZone };
  const as = (style: DateStyle) => (value: Value) => formatDate(value, style, context);
  return {
    timeZone,
    date: as("date"),
    dateTime: as("dateTime"),
    dateTimeZone: as("dateTimeZone"),
    time: as("time"),
    monthYear: as("monthYear"),
    /**
     * A calendar day chosen as such (an accreditation's end date, a charter's effective date), stored
     * as a moment of that UTC day: shown in UTC, so that it is the same day for every reader.
     */
    day: (value: Value) => formatDate(value, "date", { language: i18n.language, timeZone: "UTC" }),
  };
}

function When({ value, style }: { value: Value; style: DateStyle }) {
  const { i18n } = useTranslation();
  const timeZone = useTimeZone();
  if (value === null || value === undefined) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return <time dateTime={date.toISOString()}>{formatDate(date, style, { language: i18n.language, timeZone })}</time>;
}

/** A date and time, in the reader's language and time zone. */
export function DateTime({ value }: { value: Value }) {
  return <When value={value} style="dateTime" />;
}

/** A date, in the reader's language and time zone. */
export function DateOnly({ value }: { value: Value }) {
  return <When value={value} style="date" />;
}

/** A calendar day chosen as such (an end of validity): the same day for every reader (see `day` above). */
export function CalendarDay({ value }: { value: Value }) {
  const { i18n } = useTranslation();
  if (value === null || value === undefined) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return <time dateTime={date.toISOString().slice(0, 10)}>{formatDate(date, "date", { language: i18n.language, timeZone: "UTC" })}</time>;
}
