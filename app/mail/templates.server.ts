import type { Locale } from "../../db/schema";
import { getT } from "~/i18n/i18n.server";
import { sendMail } from "./mailer.server";

export async function sendInvitationMail(input: { to: string; name: string; inviter: string; link: string; locale: Locale }) {
  const t = getT(input.locale);
  await sendMail({
    to: input.to,
    subject: t("invite.mailSubject"),
    text: t("invite.mailBody", { name: input.name, inviter: input.inviter, link: input.link }),
  });
}

export async function sendPasswordResetMail(input: { to: string; name: string; link: string; locale: Locale }) {
  const t = getT(input.locale);
  await sendMail({ to: input.to, subject: t("password.mailSubject"), text: t("password.mailBody", { name: input.name, link: input.link }) });
}

/** The 30-day notice before an accreditation ends: to the person, and to the managers of their team. */
export async function sendExpiryNoticeMail(input: {
  to: string;
  name: string;
  person: string;
  channels: string;
  validUntil: Date;
  link: string;
  locale: Locale;
  forManager: boolean;
}) {
  const t = getT(input.locale);
  const date = input.validUntil.toLocaleDateString(input.locale === "fr" ? "fr-FR" : "en-GB", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  const params = { name: input.name, person: input.person, channels: input.channels, date, link: input.link };
  await sendMail({
    to: input.to,
    subject: t(input.forManager ? "accreditation.mail.managerNoticeSubject" : "accreditation.mail.noticeSubject", params),
    text: t(input.forManager ? "accreditation.mail.managerNoticeBody" : "accreditation.mail.noticeBody", params),
  });
}
