/**
 * The reports' tables as rows of text, in the viewer's language: the page shows exactly these rows and
 * the exports write exactly these rows (CSV, XLSX), so a downloaded file matches what was on screen.
 * Also the filters' schema, shared by the pages and the export route.
 */
import { z } from "zod";
import type { Level, Locale } from "../../db/schema";
import { FUNNEL_STEPS, STALLED_AFTER_DAYS, type Filters } from "~/domain/reports";
import { LEVELS } from "~/domain/placement";
import type { TFunction } from "~/i18n/translate";
import type { Dashboard, ExportPerson } from "~/models/reports.server";
import type { ExamAnalytics } from "~/models/exam-analytics.server";

export const DASHBOARD_TABLES = ["funnel", "levels", "time", "steps", "accreditations", "channels", "stalled", "trends", "people"] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];
export const EXAM_TABLES = ["items", "modules", "checks", "firstAttempts"] as const;
export type ExamTable = (typeof EXAM_TABLES)[number];

export type TextTable = { columns: string[]; rows: string[][] };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters of the dashboards, from the query string. Empty fields mean "no filter". */
export function filtersSchema() {
  const day = z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(
      z
        .string()
        .regex(DAY)
        .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
        .optional(),
    );
  return z
    .object({
      from: day.optional(),
      to: day.optional(),
      level: z
        .string()
        .trim()
        .transform((v) => (v === "" ? undefined : v))
        .pipe(z.enum(LEVELS).optional())
        .optional(),
      team: z
        .string()
        .trim()
        .max(64)
        .transform((v) => (v === "" ? undefined : v))
        .optional(),
      days: z
        .string()
        .trim()
        .regex(/^\d{0,3}$/)
        .transform((v) => (v === "" ? STALLED_AFTER_DAYS : Number(v)))
        .pipe(z.number().int().min(1).max(365))
        .optional()
        .transform((v) => v ?? STALLED_AFTER_DAYS),
    })
    .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"] });
}

export type ParsedFilters = z.output<ReturnType<typeof filtersSchema>>;

/** Parses the query string's filters; a 400 response naming the fields when they are invalid. */
export function parseFilters(url: URL, t: TFunction): ParsedFilters {
  const raw = Object.fromEntries([...url.searchParams].filter(([k]) => ["from", "to", "level", "team", "days"].includes(k)));
  const parsed = filtersSchema().safeParse(raw);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? "")))].join(", ");
    throw new Response(t("reports.filters.invalid", { fields }), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return parsed.data;
}

/** The page of the stalled list (`?page=`): 1 when missing or not a page number (as the people list does). */
export function parseStalledPage(url: URL): number {
  return z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .catch(1)
    .parse(url.searchParams.get("page") ?? 1);
}

/** The domain's filters (period and level) from the parsed ones; the team is a scope, applied in SQL. */
export function domainFilters(f: ParsedFilters): Omit<Filters, "teamIds"> {
  return {
    from: f.from ? Date.parse(`${f.from}T00:00:00Z`) : null,
    to: f.to ? Date.parse(`${f.to}T00:00:00Z`) + 24 * 60 * 60 * 1000 : null,
    level: (f.level as Level | undefined) ?? null,
  };
}

/** The query string of the filters, for links (export, pagination). */
export function filtersQuery(f: ParsedFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (f.from) params.set("from", f.from);
  if (f.to) params.set("to", f.to);
  if (f.level) params.set("level", f.level);
  if (f.team) params.set("team", f.team);
  if (f.days !== 14) params.set("days", String(f.days));
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}

export type Formatter = {
  t: TFunction;
  locale: Locale;
  int: (n: number) => string;
  pct: (share: number | null) => string;
  days: (n: number | null) => string;
  date: (ms: number | null) => string;
  level: (level: Level | null | "all") => string;
};

export function formatter(t: TFunction, locale: Locale): Formatter {
  const numbers = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 1 });
  return {
    t,
    locale,
    // Counts are written without grouping separators, so that a spreadsheet reads them as numbers.
    int: (n) => String(n),
    pct: (share) => (share === null ? "—" : t("reports.percent", { value: numbers.format(Math.round(share * 1000) / 10) })),
    days: (n) => (n === null ? "—" : numbers.format(Math.round(n * 10) / 10)),
    date: (ms) => (ms === null ? "" : new Date(ms).toISOString().slice(0, 10)),
    level: (level) => (level === "all" ? t("reports.time.all") : level === null ? t("reports.byLevel.notPlaced") : t(`placement.levels.${level}.name`)),
  };
}

export type StalledRow = Dashboard["stalled"][number] & { name: string; email: string; team: string; lastReminder: number | null };

/** Every table of a dashboard (the people table is built apart: it reads everyone). */
export function dashboardTables(d: Dashboard, stalled: readonly StalledRow[], f: Formatter): Record<Exclude<DashboardTable, "people">, TextTable> {
  const { t } = f;
  const step = (s: string) => t(`reports.funnel.steps.${s}`);
  const a = d.accreditations;
  return {
    funnel: {
      columns: [t("reports.funnel.step"), t("reports.funnel.count"), t("reports.funnel.ofInvited"), t("reports.funnel.ofPrevious")],
      rows: d.funnel.map((r) => [step(r.step), f.int(r.count), f.pct(r.ofInvited), f.pct(r.ofPrevious)]),
    },
    levels: {
      columns: [t("reports.byLevel.level"), t("reports.byLevel.people"), ...FUNNEL_STEPS.slice(1).map(step)],
      rows: d.byLevel
        .filter((l) => l.suppressed || l.people > 0)
        .map((l) => [
          f.level(l.level),
          l.suppressed ? t("reports.byLevel.suppressed") : f.int(l.people),
          ...FUNNEL_STEPS.slice(1).map((_, i) => (l.funnel ? f.int(l.funnel[i + 1]!.count) : "—")),
        ]),
    },
    time: {
      columns: [
        t("reports.time.level"),
        t("reports.time.n"),
        t("reports.time.median"),
        t("reports.time.p25"),
        t("reports.time.p75"),
        t("reports.time.min"),
        t("reports.time.max"),
      ],
      rows: d.timeToAccreditation
        .filter((r) => r.level === "all" || r.suppressed || r.spread.n > 0)
        .map((r) =>
          r.suppressed
            ? [f.level(r.level), t("reports.time.suppressed"), "—", "—", "—", "—", "—"]
            : [
                f.level(r.level),
                f.int(r.spread.n),
                f.days(r.spread.median),
                f.days(r.spread.p25),
                f.days(r.spread.p75),
                f.days(r.spread.min),
                f.days(r.spread.max),
              ],
        ),
    },
    steps: {
      columns: [t("reports.time.fromTo"), t("reports.time.n"), t("reports.time.median"), t("reports.time.p25"), t("reports.time.p75")],
      rows: d.timeAtSteps.map((s) => [
        `${step(s.from)} → ${step(s.to)}`,
        f.int(s.spread.n),
        f.days(s.spread.median),
        f.days(s.spread.p25),
        f.days(s.spread.p75),
      ]),
    },
    accreditations: {
      columns: [t("reports.accreditations.figure"), t("reports.accreditations.value")],
      rows: [
        [t("reports.accreditations.inForce"), f.int(a.inForce)],
        ...a.expiring.map((e) => [t("reports.accreditations.expiring", { days: e.days }), f.int(e.count)]),
        [t("reports.accreditations.renewalsDue"), f.int(a.renewalsDue)],
        [t("reports.accreditations.renewalsRequested"), f.int(a.renewalsRequested)],
        [t("reports.accreditations.requestsPending"), f.int(a.requestsPending)],
        [t("reports.accreditations.suspendedCharter"), f.int(a.suspended.charter)],
        [t("reports.accreditations.suspendedLeft"), f.int(a.suspended.leftOrganisation)],
        [t("reports.accreditations.suspendedOther"), f.int(a.suspended.other)],
        [t("reports.accreditations.revoked"), f.int(a.revoked)],
        [t("reports.accreditations.expired"), f.int(a.expired)],
      ],
    },
    channels: {
      columns: [t("reports.accreditations.channel"), t("reports.accreditations.count")],
      rows: a.byChannel.map((c) => [c.channel, f.int(c.count)]),
    },
    stalled: {
      columns: [
        t("reports.stalled.person"),
        t("reports.export.columns.email"),
        t("reports.stalled.team"),
        t("reports.stalled.step"),
        t("reports.stalled.since"),
        t("reports.stalled.days"),
        t("reports.stalled.lastReminder"),
      ],
      rows: stalled.map((s) => [
        s.name,
        s.email,
        s.team,
        step(s.step),
        f.date(s.since),
        f.int(s.days),
        s.lastReminder === null ? t("reports.stalled.never") : f.date(s.lastReminder),
      ]),
    },
    trends: {
      columns: [
        t("reports.trends.month"),
        t("reports.trends.series.invited"),
        t("reports.trends.series.placed"),
        t("reports.trends.series.examPassed"),
        t("reports.trends.series.accredited"),
      ],
      rows: d.trends.map((r) => [r.month, f.int(r.invited), f.int(r.placed), f.int(r.examPassed), f.int(r.accredited)]),
    },
  };
}

/** Everyone in scope, one row each (the full export): the columns, and each person's row, made as it is written. */
export function peopleTable(inForce: (p: ExportPerson) => boolean, f: Formatter): { columns: string[]; row: (p: ExportPerson) => string[] } {
  const c = (k: string) => f.t(`reports.export.columns.${k}`);
  const yes = c("yes");
  const no = c("no");
  return {
    columns: [
      "name",
      "email",
      "team",
      "level",
      "active",
      "invitedAt",
      "signedIn",
      "placedAt",
      "trackCompleted",
      "trackTotal",
      "trackCompletedAt",
      "examPassedAt",
      "charterSignedAt",
      "firstGrantedAt",
      "accreditation",
      "validUntil",
      "channels",
      "inForce",
    ].map(c),
    row: (p) => [
      p.name,
      p.email,
      p.team,
      p.level ? f.level(p.level) : "",
      p.active ? yes : no,
      f.date(p.invitedAt),
      p.signedIn ? yes : no,
      f.date(p.placedAt),
      String(p.trackCompleted),
      String(p.trackTotal),
      f.date(p.trackCompletedAt),
      f.date(p.examPassedAt),
      f.date(p.charterSignedAt),
      f.date(p.firstGrantedAt),
      p.accreditation?.status ?? "",
      f.date(p.accreditation?.validUntil ?? null),
      (p.accreditation?.channels ?? []).join("|"),
      inForce(p) ? yes : no,
    ],
  };
}

/** The trainers' analytics as tables. */
export function examTables(e: ExamAnalytics, f: Formatter): Record<ExamTable, TextTable> {
  const { t } = f;
  const num2 = (n: number | null) => (n === null ? "—" : (Math.round(n * 100) / 100).toFixed(2).replace(".", f.locale === "fr" ? "," : "."));
  return {
    items: {
      columns: [
        t("reports.exam.item"),
        t("reports.exam.category"),
        t("reports.exam.answers"),
        t("reports.exam.shareCorrect"),
        t("reports.exam.discrimination"),
        t("reports.exam.flags"),
        t("reports.exam.options"),
      ],
      rows: e.items.map((i) => [
        `${i.itemId} — ${i.question}`,
        i.category,
        f.int(i.answers),
        f.pct(i.shareCorrect),
        `${num2(i.discrimination)} (${num2(i.pointBiserial)})`,
        i.flags.map((fl) => t(`reports.exam.flag.${fl}`)).join(", "),
        [
          ...i.options.map(
            (o) =>
              `${t("reports.exam.optionChosen", { option: `${o.optionId}${o.correct ? ` ${t("reports.exam.correctMark")}` : ""}`, share: f.pct(o.share) })}`,
          ),
          ...(i.unanswered ? [t("reports.exam.unanswered", { count: i.unanswered })] : []),
        ].join(" · "),
      ]),
    },
    modules: {
      columns: [t("reports.exam.module"), t("reports.exam.started"), t("reports.exam.completed"), t("reports.exam.completion")],
      rows: e.modules.map((m) => [m.title, f.int(m.started), f.int(m.completed), f.pct(m.completion)]),
    },
    checks: {
      columns: [
        t("reports.exam.module"),
        t("reports.exam.check"),
        t("reports.exam.answers"),
        t("reports.exam.wrong"),
        t("reports.exam.wrongShare"),
        t("reports.exam.peopleCount"),
      ],
      rows: e.checks.map((c) => [c.moduleTitle, c.checkId, f.int(c.answers), f.int(c.wrong), f.pct(c.wrongShare), f.int(c.people)]),
    },
    firstAttempts: {
      columns: [t("reports.exam.level"), t("reports.exam.attempts"), t("reports.exam.passed"), t("reports.exam.rate")],
      rows: [
        [t("reports.exam.all"), f.int(e.firstAttemptsAll.attempts), f.int(e.firstAttemptsAll.passed), f.pct(e.firstAttemptsAll.rate)],
        ...e.firstAttempts
          .filter((r) => r.suppressed || r.attempts > 0)
          .map((r) =>
            r.suppressed ? [f.level(r.level), t("reports.exam.suppressed"), "—", "—"] : [f.level(r.level), f.int(r.attempts), f.int(r.passed), f.pct(r.rate)],
          ),
      ],
    },
  };
}
