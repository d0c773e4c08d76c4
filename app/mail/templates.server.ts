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
