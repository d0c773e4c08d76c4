import { useTranslation } from "~/i18n/react";

/** A date and time, the same on the server and in the browser (UTC), in the reader's language. */
export function DateTime({ value }: { value: string | Date | null }) {
  const { i18n } = useTranslation();
  if (!value) return null;
  const date = new Date(value);
  const text = date.toLocaleString(i18n.language, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return <time dateTime={date.toISOString()}>{text} UTC</time>;
}

/** A date, the same on the server and in the browser (UTC), in the reader's language. */
export function DateOnly({ value }: { value: string | Date | null }) {
  const { i18n } = useTranslation();
  if (!value) return null;
  const date = new Date(value);
  return <time dateTime={date.toISOString()}>{date.toLocaleDateString(i18n.language, { dateStyle: "long", timeZone: "UTC" })}</time>;
}
