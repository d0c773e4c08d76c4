/** The mails Ambassade writes, in the recipient's language; each is queued (./outbox.server.ts), never sent in a request. */
import { formatDate } from "~/utils/dates";
import type { Db, Tx } from "../../db/connection";
import type { Locale } from "../../db/schema";
import { getT } from "~/i18n/i18n.server";
import { appUrl } from "~/utils/app-url.server";
import { queueMail } from "./outbox.server";

/** An absolute link on this Ambassade: always from APP_URL, never from the request's Host. */
export function linkTo(pathname: string): string {
  return `${appUrl()}${pathname}`;
}

export function queueInvitationMail(db: Db | Tx, input: { userId: string; to: string; name: string; inviter: string; token: string; locale: Locale }): string {
  const t = getT(input.locale);
  return queueMail(db, {
    kind: "invitation",
    refId: input.userId,
    to: input.to,
    subject: t("invite.mailSubject"),
    text: t("invite.mailBody", { name: input.name, inviter: input.inviter, link: linkTo(`/invite/${input.token}`) }),
  });
}

export function queuePasswordResetMail(db: Db | Tx, input: { userId: string; to: string; name: string; token: string; locale: Locale }): string {
  const t = getT(input.locale);
  return queueMail(db, {
    kind: "password_reset",
    refId: input.userId,
    to: input.to,
    subject: t("password.mailSubject"),
    text: t("password.mailBody", { name: input.name, link: linkTo(`/reset-password/${input.token}`) }),
  });
}

/** The 30-day notice before an accreditation ends: to the person, and to the managers of their team. */
export function queueExpiryNoticeMail(
  db: Db | Tx,
  input: {
    to: string;
    name: string;
    person: string;
    channels: string;
    validUntil: Date;
    pathname: string;
    locale: Locale;
    forManager: boolean;
    refId?: string;
  },
): string {
  const t = getT(input.locale);
  // An end date is a calendar day (ADR 0022): the same day for every reader.
  const date = formatDate(input.validUntil, "date", { language: input.locale, timeZone: "UTC" });
  const params = { name: input.name, person: input.person, channels: input.channels, date, link: linkTo(input.pathname) };
  return queueMail(db, {
    kind: "expiry_notice",
    ...(input.refId ? { refId: input.refId } : {}),
    to: input.to,
    subject: t(input.forManager ? "accreditation.mail.managerNoticeSubject" : "accreditation.mail.noticeSubject", params),
    text: t(input.forManager ? "accreditation.mail.managerNoticeBody" : "accreditation.mail.noticeBody", params),
  });
}
