/**
 * The words of a notice in the reader's language (mail subject and paragraphs, the inbox line), and
 * the mail itself: HTML from React Email's components (rendered synchronously, inside the
 * transaction that queues it) and the same paragraphs as plain text. See docs/decisions/0020-notifications.md.
 */
// Each component from its own package, not from @react-email/components: that one loads all of React Email
// (Tailwind, Prism, marked…), 30 MB more in every process, for these ten small components (ADR 0039).
import { Body } from "@react-email/body";
import { Button } from "@react-email/button";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Heading } from "@react-email/heading";
import { Hr } from "@react-email/hr";
import { Html } from "@react-email/html";
import { Preview } from "@react-email/preview";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import { renderToStaticMarkup } from "react-dom/server";
import type { Locale } from "../../db/schema";
import { isMandatory, unreachableKind, type NoticeParams, type NotificationKind } from "~/domain/notifications";
import { getT } from "~/i18n/i18n.server";
import type { TFunction } from "~/i18n/translate";

export type NoticeText = { subject: string; paragraphs: string[]; inbox: string };

/** A date of a notice (ISO in params), written for the reader (UTC: dates of validity end at the end of a UTC day). */
export function noticeDate(iso: string | number | null | undefined, locale: Locale): string {
  if (!iso) return "";
  return new Date(iso).toLocaleDateString(locale === "fr" ? "fr-FR" : "en-GB", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
}

const str = (value: string | number | null | undefined) => (value === null || value === undefined ? "" : String(value));

/** The words of one notice for a reader. */
export function noticeText(locale: Locale, kind: NotificationKind, params: NoticeParams): NoticeText {
  const t = getT(locale);
  const k = (key: string, extra: Record<string, unknown> = {}) =>
    t(`notifications.kinds.${kind}.${key}`, { ...params, date: noticeDate(params.date, locale), ...extra });
  switch (kind) {
    case "request_waiting": {
      const renewal = params.renewal === 1;
      return { subject: k(renewal ? "subjectRenewal" : "subject"), paragraphs: [k(renewal ? "bodyRenewal" : "body")], inbox: k("inbox") };
    }
    case "team_suspended": {
      const left = params.reasonKind === "left_organisation";
      return { subject: k("subject"), paragraphs: [k(left ? "bodyLeft" : "bodyCharter")], inbox: k("inbox") };
    }
    case "weekly_summary":
      // Mail only (composeWeeklySummaryMail): no inbox row is written; these lines are for completeness.
      return { subject: k("subject"), paragraphs: [t("notifications.weekly.intro")], inbox: k("inbox") };
    case "team_expiring":
    case "expiring": {
      const manager = kind === "team_expiring";
      const p = { ...params, name: "", date: noticeDate(params.date, locale) };
      // The notice's own words since it exists (app/i18n/server.*.ts › accreditation.mail).
      const body = t(manager ? "accreditation.mail.managerNoticeBody" : "accreditation.mail.noticeBody", { ...p, link: "" }).split("\n\n");
      return {
        subject: t(manager ? "accreditation.mail.managerNoticeSubject" : "accreditation.mail.noticeSubject", p),
        paragraphs: body
          .slice(1)
          .map((s) => s.trim())
          .filter(Boolean),
        inbox: k("inbox"),
      };
    }
    case "granted": {
      const paragraphs = [k("body")];
      if (params.notGranted) paragraphs.push(k("partial"));
      return { subject: k("subject"), paragraphs, inbox: k("inbox") };
    }
    case "declined": {
      const renewal = params.renewal === 1;
      return {
        subject: k(renewal ? "subjectRenewal" : "subject"),
        paragraphs: [k(renewal ? "bodyRenewal" : "body"), ...(renewal ? [] : [k("after")])],
        inbox: k("inbox"),
      };
    }
    case "suspended": {
      if (params.reasonKind === "left_organisation") return { subject: k("subjectLeft"), paragraphs: [k("bodyLeft")], inbox: k("inboxLeft") };
      const summary = locale === "fr" ? params.summaryFr : params.summaryEn;
      return { subject: k("subject"), paragraphs: [k("body"), ...(summary ? [k("changed", { summary })] : [])], inbox: k("inbox") };
    }
    case "reinstated":
    case "expired":
    case "revoked":
    case "reopened":
    case "renewed":
      return { subject: k("subject"), paragraphs: [k("body")], inbox: k("inbox") };
    case "reflection_reviewed": {
      const module = locale === "fr" ? str(params.moduleFr) || str(params.module) : str(params.moduleEn) || str(params.module);
      const paragraphs = [k("body", { module })];
      if (params.comment) paragraphs.push(k("comment", { module }));
      return { subject: k("subject"), paragraphs, inbox: k("inbox", { module }) };
    }
    case "placement_overridden": {
      const level = t(`placement.levels.${str(params.level)}.name`);
      return { subject: k("subject", { level }), paragraphs: [k("body", { level }), k("after", { level })], inbox: k("inbox", { level }) };
    }
    default:
      return unreachableKind(kind);
  }
}

export type MailNotice = { kind: NotificationKind; params: NoticeParams; url: string };

function Email({
  preview,
  greeting,
  sections,
  footer,
  button,
}: {
  preview: string;
  greeting: string;
  sections: { title?: string; paragraphs: string[]; url: string }[];
  footer: string;
  button: string;
}) {
  return (
    <Html>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f8fafc", fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", color: "#0f172a" }}>
        <Container style={{ maxWidth: "560px", margin: "0 auto", padding: "24px", backgroundColor: "#ffffff", borderRadius: "8px" }}>
          <Text style={{ fontSize: "18px", fontWeight: 700, color: "#1e3a8a", margin: "0 0 16px" }}>Ambassade</Text>
          <Text>{greeting}</Text>
          {sections.map((section, index) => (
            <Section key={index} style={{ margin: "0 0 16px" }}>
              {section.title ? (
                <Heading as="h2" style={{ fontSize: "16px", margin: "16px 0 8px" }}>
                  {section.title}
                </Heading>
              ) : null}
              {section.paragraphs.map((p, i) => (
                <Text key={i}>{p}</Text>
              ))}
              <Button href={section.url} style={{ backgroundColor: "#1d4ed8", color: "#ffffff", padding: "10px 16px", borderRadius: "6px", fontWeight: 600 }}>
                {button}
              </Button>
            </Section>
          ))}
          <Hr />
          <Text style={{ fontSize: "12px", color: "#475569" }}>{footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}

/**
 * One mail for one recipient: a single notice, or a digest of several (one section each). `accountUrl`
 * is where optional kinds are turned off.
 */
export function composeNotificationMail(input: { locale: Locale; name: string; notices: readonly MailNotice[]; accountUrl: string }): {
  subject: string;
  text: string;
  html: string;
} {
  const t: TFunction = getT(input.locale);
  const texts = input.notices.map((n) => ({ ...noticeText(input.locale, n.kind, n.params), url: n.url }));
  const digest = texts.length > 1;
  const subject = digest ? t("notifications.digestSubject", { count: texts.length }) : texts[0]!.subject;
  const greeting = t("notifications.greeting", { name: input.name });
  const footer = input.notices.every((n) => isMandatory(n.kind))
    ? t("notifications.footerMandatory")
    : t("notifications.footerOptional", { link: input.accountUrl });
  const sections = texts.map((x) => ({ title: digest ? x.subject : undefined, paragraphs: x.paragraphs, url: x.url }));
  const text = [
    greeting,
    ...(digest ? [t("notifications.digestIntro")] : []),
    ...sections.map((s) => [...(s.title ? [`## ${s.title}`] : []), ...s.paragraphs, t("notifications.openLink", { link: s.url })].join("\n\n")),
    "--",
    footer,
  ].join("\n\n");
  const html =
    "<!DOCTYPE html>" +
    renderToStaticMarkup(
      <Email
        preview={digest ? t("notifications.digestIntro") : (texts[0]!.paragraphs[0] ?? subject)}
        greeting={greeting}
        sections={sections}
        footer={footer}
        button={t("notifications.open")}
      />,
    );
  return { subject, text, html };
}

// ---------------------------------------------------------------------------------------------
// The managers' weekly summary
// ---------------------------------------------------------------------------------------------

/** Names listed per figure; the rest are counted ("and 3 others"): the dashboard lists them all. */
export const SUMMARY_NAMES_SHOWN = 10;

export type SummaryTeam = {
  name: string;
  /** The team dashboard. */
  url: string;
  newlyAccredited: readonly { name: string }[];
  expiring: readonly { name: string; validUntil: number }[];
  stalled: readonly { name: string; step: string; days: number }[];
};

/**
 * A manager's weekly summary: one section per team (new accreditations, accreditations ending soon,
 * stalled people), in the manager's language, HTML from the same React Email layout and the same
 * paragraphs as text.
 */
export function composeWeeklySummaryMail(input: {
  locale: Locale;
  name: string;
  teams: readonly SummaryTeam[];
  stalledAfterDays: number;
  expiryDays: number;
  accountUrl: string;
}): {
  subject: string;
  text: string;
  html: string;
} {
  const t: TFunction = getT(input.locale);
  const list = (names: string[]) => {
    const shown = names.slice(0, SUMMARY_NAMES_SHOWN);
    const rest = names.length - shown.length;
    return rest > 0 ? [...shown, t("notifications.weekly.more", { count: rest })].join(", ") : shown.join(", ");
  };
  const sections = input.teams.map((team) => {
    const paragraphs: string[] = [];
    if (team.newlyAccredited.length)
      paragraphs.push(t("notifications.weekly.newlyAccredited", { count: team.newlyAccredited.length, names: list(team.newlyAccredited.map((p) => p.name)) }));
    if (team.expiring.length) {
      const names = team.expiring.map((p) => t("notifications.weekly.expiringPerson", { name: p.name, date: noticeDate(p.validUntil, input.locale) }));
      paragraphs.push(t("notifications.weekly.expiring", { count: team.expiring.length, days: input.expiryDays, names: list(names) }));
    }
    if (team.stalled.length) {
      const names = team.stalled.map((p) =>
        t("notifications.weekly.stalledPerson", { name: p.name, step: t(`notifications.weekly.steps.${p.step}`), days: p.days }),
      );
      paragraphs.push(t("notifications.weekly.stalled", { count: team.stalled.length, days: input.stalledAfterDays, names: list(names) }));
    }
    if (paragraphs.length === 0) paragraphs.push(t("notifications.weekly.quiet"));
    return { title: team.name, paragraphs, url: team.url };
  });
  const subject = t("notifications.kinds.weekly_summary.subject");
  const greeting = t("notifications.greeting", { name: input.name });
  const intro = t("notifications.weekly.intro");
  const footer = t("notifications.footerOptional", { link: input.accountUrl });
  const text = [
    greeting,
    intro,
    ...sections.map((s) => [`## ${s.title}`, ...s.paragraphs, t("notifications.openLink", { link: s.url })].join("\n\n")),
    "--",
    footer,
  ].join("\n\n");
  const html =
    "<!DOCTYPE html>" +
    renderToStaticMarkup(<Email preview={intro} greeting={`${greeting} ${intro}`} sections={sections} footer={footer} button={t("notifications.open")} />);
  return { subject, text, html };
}
