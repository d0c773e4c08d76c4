/**
 * Exam and content analytics for trainers: grouped counts only (never one person's answers), from a
 * handful of aggregate queries, analysed by app/domain/exam-analytics.ts. Reused while the database has
 * not changed, like the dashboards' records (./reports.server.ts).
 */
import { getDb } from "../../db/connection";
import type { Level, Locale } from "../../db/schema";
import { loadContentLibrary, lookupModule } from "~/content/library.server";
import { itemStats, unansweredGroups, type AnswerGroup, type ItemStats } from "~/domain/exam-analytics";
import { LEVELS } from "~/domain/placement";
import { MIN_GROUP } from "~/domain/reports";
import { databaseChangeKey, maxAgeMs, trackModules } from "./reports.server";

type Raw = {
  answered: AnswerGroup[];
  drawn: { itemId: string; passed: boolean; count: number; scoreSum: number; scoreSquares: number }[];
  modules: { moduleId: string; started: number; completed: number }[];
  checks: { moduleId: string; checkId: string; answers: number; wrong: number; people: number }[];
  firstAttempts: { level: Level | null; attempts: number; passed: number }[];
};

function readRaw(): Raw {
  const client = getDb().$client;
  const answered = (
    client
      .prepare(
        `select e.item_id, e.option_ids, a.passed, count(*) as n, sum(a.score) as s, sum(a.score * a.score) as ss
         from exam_answers e join exam_attempts a on a.id = e.attempt_id
         where a.status = 'graded'
         group by e.item_id, e.option_ids, a.passed`,
      )
      .all() as { item_id: string; option_ids: string; passed: number; n: number; s: number; ss: number }[]
  ).map((r) => ({ itemId: r.item_id, optionIds: parseIds(r.option_ids), passed: Boolean(r.passed), count: r.n, scoreSum: r.s, scoreSquares: r.ss }));
  const drawn = (
    client
      .prepare(
        `select json_extract(j.value, '$.id') as item_id, a.passed, count(*) as n, sum(a.score) as s, sum(a.score * a.score) as ss
         from exam_attempts a, json_each(a.items) j
         where a.status = 'graded'
         group by item_id, a.passed`,
      )
      .all() as { item_id: string; passed: number; n: number; s: number; ss: number }[]
  ).map((r) => ({ itemId: r.item_id, passed: Boolean(r.passed), count: r.n, scoreSum: r.s, scoreSquares: r.ss }));
  const modules = (
    client.prepare(`select module_id, count(*) as started, sum(status = 'completed') as completed from module_progress group by module_id`).all() as {
      module_id: string;
      started: number;
      completed: number;
    }[]
  ).map((r) => ({ moduleId: r.module_id, started: r.started, completed: r.completed }));
  const checks = (
    client
      .prepare(
        `select module_id, check_id, count(*) as answers, sum(correct = 0) as wrong, count(distinct user_id) as people from check_answers group by module_id, check_id`,
      )
      .all() as { module_id: string; check_id: string; answers: number; wrong: number; people: number }[]
  ).map((r) => ({ moduleId: r.module_id, checkId: r.check_id, answers: r.answers, wrong: r.wrong, people: r.people }));
  const firstAttempts = (
    client
      .prepare(
        `select p.level, count(*) as attempts, sum(f.passed) as passed from (
           select user_id, status, passed, row_number() over (partition by user_id order by started_at, id) as rn from exam_attempts
         ) f
         left join placements p on p.user_id = f.user_id and p.is_current = 1
         where f.rn = 1 and f.status = 'graded'
         group by p.level`,
      )
      .all() as { level: Level | null; attempts: number; passed: number }[]
  ).map((r) => ({ level: r.level, attempts: r.attempts, passed: Number(r.passed ?? 0) }));
  return { answered, drawn, modules, checks, firstAttempts };
}

function parseIds(text: string): string[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

const globalForAnalytics = globalThis as unknown as { __ambassadeExamAnalytics?: { key: string; at: number; raw: Raw } | null };

/** The counts, reused while nothing was written, or for `maxAgeMs` after a write (like the dashboards' records). */
function raw(): Raw {
  const key = databaseChangeKey();
  const now = Date.now();
  const cached = globalForAnalytics.__ambassadeExamAnalytics;
  if (cached && (cached.key === key || now - cached.at < maxAgeMs())) return cached.raw;
  const fresh = readRaw();
  globalForAnalytics.__ambassadeExamAnalytics = { key, at: now, raw: fresh };
  return fresh;
}

export type ItemReport = ItemStats & { question: string; category: string; type: string; optionTexts: Record<string, string> };

/** Everything the trainers' analytics page shows, in `locale`. */
export async function examAnalytics(locale: Locale) {
  const library = await loadContentLibrary();
  const data = raw();
  const groups = [...data.answered, ...unansweredGroups(data.drawn, data.answered)];
  const byItem = new Map<string, AnswerGroup[]>();
  for (const g of groups) byItem.set(g.itemId, [...(byItem.get(g.itemId) ?? []), g]);
  const items: ItemReport[] = (library.exam?.items ?? []).map((item) => ({
    ...itemStats(item, byItem.get(item.id) ?? []),
    question: item.question[locale],
    category: item.category,
    type: item.type,
    optionTexts: Object.fromEntries(item.options.map((o) => [o.id, o.text[locale]])),
  }));

  const tracks = trackModules(library);
  const inTracks = new Set([...tracks.values()].flat());
  const moduleStats = new Map(data.modules.map((m) => [m.moduleId, m]));
  const modules = [...library.modules.keys()]
    .filter((id) => inTracks.has(id))
    .map((id) => {
      const m = moduleStats.get(id) ?? { started: 0, completed: 0 };
      return {
        moduleId: id,
        title: lookupModule(library, id, locale)?.module.title ?? id,
        started: m.started,
        completed: m.completed,
        completion: m.started === 0 ? null : m.completed / m.started,
      };
    })
    .sort((a, b) => a.title.localeCompare(b.title, locale));
  const titles = new Map(modules.map((m) => [m.moduleId, m.title]));
  const checks = data.checks
    .filter((c) => c.answers > 0)
    .map((c) => ({ ...c, moduleTitle: titles.get(c.moduleId) ?? c.moduleId, wrongShare: c.wrong / c.answers }))
    .sort((a, b) => b.wrongShare - a.wrongShare || b.answers - a.answers || a.checkId.localeCompare(b.checkId))
    .slice(0, 20);

  // Organisation-wide: a level with fewer than MIN_GROUP first attempts is not shown on its own.
  const firstAttempts = [...LEVELS, null].map((level) => {
    const row = data.firstAttempts.find((r) => r.level === level) ?? { attempts: 0, passed: 0 };
    const suppressed = row.attempts > 0 && row.attempts < MIN_GROUP;
    return {
      level,
      attempts: suppressed ? 0 : row.attempts,
      passed: suppressed ? 0 : row.passed,
      rate: suppressed || row.attempts === 0 ? null : row.passed / row.attempts,
      suppressed,
    };
  });
  const all = data.firstAttempts.reduce((acc, r) => ({ attempts: acc.attempts + r.attempts, passed: acc.passed + r.passed }), { attempts: 0, passed: 0 });
  return {
    items,
    modules,
    checks,
    firstAttempts,
    firstAttemptsAll: { ...all, rate: all.attempts === 0 ? null : all.passed / all.attempts },
  };
}

export type ExamAnalytics = Awaited<ReturnType<typeof examAnalytics>>;
