/**
 * The content library: reads everything under `content/` (modules in both languages, tracks, charter
 * versions, exam bank, diagnostic questionnaire), validates it, compiles the MDX and reports every
 * problem with file:line:col. Loaded once per process and directory (a `globalThis` singleton that
 * survives dev rebuilds); `reloadContentLibrary()` loads again (for the studio).
 *
 * The files are the base. For the app's content folder, the modules and tracks published in the
 * studio (stored in the database, app/models/content-overlay.server.ts) are laid over them: the latest
 * published version of a module replaces its folder, a studio-created module is added, the latest
 * published tracks replace tracks.yaml. Compilation is cached by content hash, so a reload after a
 * publication only compiles what changed (docs/decisions/0009-studio-content-in-database.md).
 * `readContentLibrary(dir)` alone reads the files only (content:check, content:import).
 *
 * What is kept when something is wrong:
 * - a module language file with a problem (frontmatter, MDX, no knowledge check…) is left out; the
 *   module stays available in the other language (`getModule` then answers with `fallback: true`);
 * - a module with no valid language, or whose languages disagree on `version`, is absent from
 *   `modules` (the app shows it as unavailable; `problems` says why);
 * - a charter version with a problem in either language or in its check is absent from `charters`;
 * - tracks, exam and questionnaire are null when their file is invalid (a track naming a module
 *   that does not exist is reported but kept: that module is simply unavailable).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import type { z } from "zod";
import { readContentOverlay, type ContentOverlay, type StoredCharter } from "../models/content-overlay.server";
import { parseQuestionnaire, type Questionnaire } from "./diagnostic-schema";
import { reachableLevels } from "../domain/placement";
import { coded } from "./problem-codes";
import { compileModuleSource, type CompiledSource, type Heading, type KnowledgeCheckDef, type MdxNode, type ReflectionDef } from "./mdx.server";
import {
  CHARTER_VERSION,
  KEBAB_CASE,
  LEVEL_IDS,
  LOCALES,
  charterCheckSchema,
  charterFrontmatterSchema,
  examBankSchema,
  moduleFrontmatterSchema,
  parseYamlWith,
  splitFrontmatter,
  tracksSchema,
  yamlPosition,
  type CharterCheck,
  type CharterFrontmatter,
  type ExamBank,
  type Locale,
  type ModuleFrontmatter,
  type Problem,
  type Tracks,
} from "./schemas";

export type { Problem, Locale } from "./schemas";

export type CompiledBody = { tree: MdxNode[]; headings: Heading[]; hash: string; file: string };
export type CompiledModule = ModuleFrontmatter & CompiledBody & { locale: Locale; checks: KnowledgeCheckDef[]; reflections: ReflectionDef[] };
export type ModuleEntry = {
  id: string;
  version: number;
  locales: { fr?: CompiledModule; en?: CompiledModule };
  /** The version from which a learner who completed an earlier one is asked to review it (studio). */
  reviewSince?: number;
};

export type CharterClause = { ref: string; title: string };
/** `stored`: the source, for a version held in the database (no file to read again when it is signed). */
export type CompiledCharter = CharterFrontmatter & CompiledBody & { locale: Locale; clauses: CharterClause[]; stored?: string };
export type CharterVersion = { version: string; effective: string; locales: { fr: CompiledCharter; en: CompiledCharter }; check: CharterCheck };

export type ContentLibrary = {
  dir: string;
  modules: Map<string, ModuleEntry>;
  tracks: Tracks | null;
  /** Valid charter versions, oldest first (versions are date-like ids, so they sort as text). */
  charters: Map<string, CharterVersion>;
  exam: ExamBank | null;
  questionnaire: Questionnaire | null;
  problems: Problem[];
  /** The content counter of cache_versions this library reflects (-1: unknown, or files only). */
  overlayVersion: number;
  /** Counts, for summaries. */
  stats: { moduleDirs: number; modules: number; examItems: number; charterVersions: number; questions: number };
};

// ---------------------------------------------------------------------------------------------
// Process-wide singleton
// ---------------------------------------------------------------------------------------------

type Registry = Map<string, Promise<ContentLibrary>>;
const globalStore = globalThis as typeof globalThis & { __ambassadeContentLibraries?: Registry; __ambassadeContentReloads?: Registry };
const registry: Registry = (globalStore.__ambassadeContentLibraries ??= new Map());

const defaultDir = () => process.env.CONTENT_DIR ?? "content";

/** The app's content folder (CONTENT_DIR, default `content`): the base the studio's publications override. */
export function contentDir(): string {
  return defaultDir();
}

/** The content library for `dir`, loaded once per process. Problems are logged once, on load. */
export function loadContentLibrary(dir: string = defaultDir()): Promise<ContentLibrary> {
  const key = path.resolve(dir);
  let library = registry.get(key);
  if (!library) {
    library = readLibraryWithOverlay(dir).then(logProblems);
    registry.set(key, library);
    // A failed load (an I/O error, not a content problem) must not stick.
    library.catch(() => registry.delete(key));
  }
  return library;
}

/** The library already loaded (or loading) for `dir`, without loading it. */
export function loadedContentLibrary(dir: string = defaultDir()): Promise<ContentLibrary> | undefined {
  const key = path.resolve(dir);
  return reloading.get(key) ?? registry.get(key);
}

/** Reloads under way, by folder: a check that comes meanwhile waits for the newer library. */
const reloading: Registry = (globalStore.__ambassadeContentReloads ??= new Map());

/** Loads `dir` again and replaces the cached library once the new one is ready. */
export async function reloadContentLibrary(dir: string = defaultDir()): Promise<ContentLibrary> {
  const key = path.resolve(dir);
  const pending = readLibraryWithOverlay(dir).then(logProblems);
  reloading.set(key, pending);
  try {
    const library = await pending;
    registry.set(key, Promise.resolve(library));
    return library;
  } finally {
    if (reloading.get(key) === pending) reloading.delete(key);
  }
}

/** The files of `dir`, with the studio's publications laid over them when `dir` is the app's content folder. */
async function readLibraryWithOverlay(dir: string): Promise<ContentLibrary> {
  const isAppContent = path.resolve(dir) === path.resolve(defaultDir());
  return readContentLibrary(dir, isAppContent ? readContentOverlay() : null);
}

function logProblems(library: ContentLibrary): ContentLibrary {
  if (library.problems.length > 0) {
    console.warn(`[content] ${library.problems.length} problem(s) in ${library.dir}; affected content is unavailable:`);
    for (const p of library.problems) console.warn(`[content] ${p.file}:${p.line}:${p.col} ${p.message}`);
  }
  return library;
}

export type ModuleLookup = { id: string; version: number; locale: Locale; fallback: boolean; module: CompiledModule };

/**
 * A module in the requested language, or in the other one with `fallback: true`.
 * Null when the module does not exist or is unavailable (see the library's problems).
 */
export async function getModule(id: string, locale: Locale, dir: string = defaultDir()): Promise<ModuleLookup | null> {
  const library = await loadContentLibrary(dir);
  return lookupModule(library, id, locale);
}

export function lookupModule(library: ContentLibrary, id: string, locale: Locale): ModuleLookup | null {
  const entry = library.modules.get(id);
  if (!entry) return null;
  const wanted = entry.locales[locale];
  if (wanted) return { id, version: entry.version, locale, fallback: false, module: wanted };
  const other: Locale = locale === "fr" ? "en" : "fr";
  const fallback = entry.locales[other];
  return fallback ? { id, version: entry.version, locale: other, fallback: true, module: fallback } : null;
}

// ---------------------------------------------------------------------------------------------
// Reading and validating
// ---------------------------------------------------------------------------------------------

/**
 * Reads and validates everything under `dir`, without caching, with `overlay` (the studio's
 * publications) laid over the modules and tracks. Throws only when `dir` is not a folder.
 */
export async function readContentLibrary(dir: string, overlay: ContentOverlay | null = null): Promise<ContentLibrary> {
  if (!isDirectory(dir)) throw new Error(`content folder not found: ${dir}`);
  const problems: Problem[] = [];
  const at = (relative: string) => path.join(dir, relative);
  const problem = (file: string, message: string, line = 1, col = 1) => problems.push({ file, line, col, message });

  // Modules ------------------------------------------------------------------------------------
  const modules = new Map<string, ModuleEntry>();
  const moduleDirs = new Set<string>();
  /** Module ids that exist: folders, and modules published in the studio. */
  const knownModules = new Set<string>();
  const modulesRoot = at("modules");
  const fromStudio = async (id: string) => {
    const stored = overlay?.modules.get(id);
    if (!stored) return null;
    const label = (locale: Locale) => `${path.join(modulesRoot, id, `${locale}.mdx`)} (${stored.label})`;
    return compileModuleSources(id, { fr: { source: stored.fr, file: label("fr") }, en: { source: stored.en, file: label("en") } }, problems);
  };
  const withReview = (entry: ModuleEntry | null) => {
    const since = entry ? overlay?.reviewSince.get(entry.id) : undefined;
    if (entry && since !== undefined) entry.reviewSince = since;
    return entry;
  };
  if (!isDirectory(modulesRoot)) problem(modulesRoot, "the modules folder is missing");
  else {
    for (const name of readdirSync(modulesRoot).sort()) {
      if (name.startsWith(".")) continue;
      const folder = path.join(modulesRoot, name);
      if (!isDirectory(folder)) {
        problem(folder, "unexpected file: modules/ holds one folder per module");
        continue;
      }
      moduleDirs.add(name);
      if (!KEBAB_CASE.test(name)) {
        problem(folder, `module folder "${name}" must be kebab-case (it is the module id)`);
        continue;
      }
      if (overlay?.hidden.has(name)) continue;
      knownModules.add(name);
      const entry = withReview(overlay?.modules.has(name) ? await fromStudio(name) : await readModule(folder, name, problems));
      if (entry) modules.set(name, entry);
    }
  }
  // Modules created in the studio have no folder.
  for (const id of [...(overlay?.modules.keys() ?? [])].sort()) {
    if (knownModules.has(id) || overlay?.hidden.has(id)) continue;
    knownModules.add(id);
    const entry = withReview(await fromStudio(id));
    if (entry) modules.set(id, entry);
  }

  // Tracks -------------------------------------------------------------------------------------
  let tracks: Tracks | null = null;
  const tracksFile = at("tracks.yaml");
  const tracksText = overlay?.tracksYaml ?? readText(tracksFile);
  if (tracksText === null) problem(tracksFile, "tracks.yaml is missing");
  else {
    const parsed = parseYamlWith(tracksText, tracksFile, tracksSchema);
    if (!parsed.ok) problems.push(...parsed.problems);
    else {
      // Kept even when it names a missing module: the app shows that module as unavailable.
      tracks = parsed.data;
      const check = (id: string, at: (string | number)[]) => {
        if (!knownModules.has(id)) {
          const { line, col } = yamlPosition(tracksText, at);
          problem(tracksFile, `${at.slice(0, -1).join(".")}: module "${id}" does not exist (no folder modules/${id}/)`, line, col);
        }
      };
      parsed.data.core.forEach((id, index) => check(id, ["core", index]));
      for (const level of LEVEL_IDS) parsed.data.levels[level].forEach((id, index) => check(id, ["levels", level, index]));
    }
  }

  // Charter ------------------------------------------------------------------------------------
  const charters = new Map<string, CharterVersion>();
  const charterRoot = at(path.join("policy", "charter"));
  if (!isDirectory(charterRoot)) problem(charterRoot, "the charter folder is missing (policy/charter/<version>/)");
  else {
    const versions = readdirSync(charterRoot).filter((name) => !name.startsWith(".")).sort();
    for (const version of versions) {
      const folder = path.join(charterRoot, version);
      if (!isDirectory(folder)) {
        problem(folder, "unexpected file: policy/charter/ holds one folder per version");
        continue;
      }
      if (!CHARTER_VERSION.test(version)) {
        problem(folder, `charter version folder "${version}" must be a date-like id such as 2026-01`);
        continue;
      }
      const charter = await readCharter(folder, version, problems);
      if (charter) charters.set(version, charter);
    }
    if (versions.length === 0 && !overlay?.charters.size) problem(charterRoot, "no charter version: add policy/charter/<version>/");
  }
  // Charter versions written in the browser and published (immutable): they win over a folder of the same name.
  for (const [version, stored] of [...(overlay?.charters ?? new Map<string, StoredCharter>())].sort(([a], [b]) => a.localeCompare(b))) {
    const label = (name: string) => `${path.join(charterRoot, version, name)} (${stored.label})`;
    const sources: CharterSources = { fr: { source: stored.fr, file: label("fr.mdx") }, en: { source: stored.en, file: label("en.mdx") }, check: { source: stored.check, file: label("check.yaml") } };
    const charter = await compileCharterSources(version, sources, problems, true);
    if (charter) charters.set(version, charter);
    else charters.delete(version);
  }
  // Oldest first, whatever their origin.
  const sortedCharters = new Map([...charters].sort(([a], [b]) => a.localeCompare(b)));

  // Exam bank ----------------------------------------------------------------------------------
  let exam: ExamBank | null = null;
  const examFile = at(path.join("exam", "items.yaml"));
  const examText = readText(examFile);
  if (examText === null) problem(examFile, "the exam bank exam/items.yaml is missing");
  else {
    const parsed = parseYamlWith(examText, examFile, examBankSchema);
    if (parsed.ok) exam = parsed.data;
    else problems.push(...parsed.problems);
  }

  // Diagnostic questionnaire ---------------------------------------------------------------------
  let questionnaire: Questionnaire | null = null;
  const questionnaireFile = at(path.join("diagnostic", "questionnaire.yaml"));
  const questionnaireText = readText(questionnaireFile);
  if (questionnaireText === null) problem(questionnaireFile, "the diagnostic questionnaire diagnostic/questionnaire.yaml is missing");
  else {
    const parsed = parseQuestionnaire(questionnaireText, questionnaireFile);
    if (!parsed.ok) problems.push(...parsed.problems);
    else {
      const reach = reachableLevels(parsed.questionnaire);
      if (reach.missing.length > 0) {
        const how = reach.method === "exhaustive" ? "no combination of answers places anyone" : "no combination of answers found places anyone";
        problem(questionnaireFile, `${how} at level${reach.missing.length > 1 ? "s" : ""} ${reach.missing.join(", ")}: check the weights and docs/placement-model.md`);
      } else questionnaire = parsed.questionnaire;
    }
  }

  return {
    dir,
    modules,
    tracks,
    charters: sortedCharters,
    exam,
    questionnaire,
    problems,
    overlayVersion: overlay?.version ?? -1,
    stats: {
      moduleDirs: moduleDirs.size,
      modules: modules.size,
      examItems: exam?.items.length ?? 0,
      charterVersions: sortedCharters.size,
      questions: questionnaire?.questions.length ?? 0,
    },
  };
}

async function readModule(folder: string, id: string, problems: Problem[]): Promise<ModuleEntry | null> {
  const sources: ModuleSources = {};
  for (const name of readdirSync(folder).sort()) {
    if (name.startsWith(".")) continue;
    const locale = LOCALES.find((l) => name === `${l}.mdx`);
    const file = path.join(folder, name);
    if (locale) sources[locale] = { source: readText(file) ?? "", file };
    else problems.push({ file, line: 1, col: 1, message: `unexpected file in a module folder (expected ${LOCALES.map((l) => `${l}.mdx`).join(" and ")})` });
  }
  for (const locale of LOCALES) {
    if (!sources[locale]) problems.push({ file: path.join(folder, `${locale}.mdx`), line: 1, col: 1, message: `module "${id}" has no ${locale === "fr" ? "French" : "English"} version (${locale}.mdx)` });
  }
  return compileModuleSources(id, sources, problems);
}

/** A module's language files as text, each with the name its problems are reported under. */
export type ModuleSources = Partial<Record<Locale, { source: string; file: string }>>;

/**
 * Validates and compiles a module from its sources (files or the studio's), as the library does:
 * each valid language is kept, both must carry the same version. Problems are appended to `problems`.
 */
export async function compileModuleSources(id: string, sources: ModuleSources, problems: Problem[]): Promise<ModuleEntry | null> {
  const locales: ModuleEntry["locales"] = {};
  for (const locale of LOCALES) {
    const given = sources[locale];
    if (!given) continue;
    const compiled = await checkModuleLocale(id, given.source, given.file, problems);
    if (compiled.module) locales[locale] = { ...compiled.module, locale };
  }
  const fr = locales.fr;
  const en = locales.en;
  if (fr && en && fr.version !== en.version) {
    problems.push({ file: en.file, ...locateKey(sources.en?.source ?? "", "version", 2), ...coded("versionMismatch", { en: en.version, fr: fr.version, file: path.basename(fr.file) }) });
    return null;
  }
  const version = fr?.version ?? en?.version;
  if (version === undefined) return null;
  return { id, version, locales };
}

/**
 * One language of a module: its frontmatter validated, its MDX compiled, at least one knowledge
 * check. `module` is set only when nothing is wrong; `compiled` whenever the MDX itself compiled
 * (the studio previews it while the frontmatter is still being fixed).
 */
export async function checkModuleLocale(
  id: string,
  source: string,
  file: string,
  problems: Problem[],
): Promise<{ module: Omit<CompiledModule, "locale"> | null; compiled: CompiledSource | null }> {
  const compiled = await compileLocaleSource(source, file, moduleFrontmatterSchema, { key: "id", value: id }, problems);
  const result = compiled.result;
  if (!result) return { module: null, compiled: null };
  if (!compiled.frontmatter) return { module: null, compiled: result };
  if (result.checks.length === 0) {
    problems.push({ file, line: 1, col: 1, ...coded("noKnowledgeCheck") });
    return { module: null, compiled: result };
  }
  return {
    module: {
      ...compiled.frontmatter,
      file,
      tree: result.tree,
      headings: result.headings,
      checks: result.checks,
      reflections: result.reflections,
      hash: result.hash,
    },
    compiled: result,
  };
}

async function readCharter(folder: string, version: string, problems: Problem[]): Promise<CharterVersion | null> {
  const sources: Partial<CharterSources> = {};
  for (const locale of LOCALES) {
    const file = path.join(folder, `${locale}.mdx`);
    const source = readText(file);
    if (source === null) problems.push({ file, line: 1, col: 1, message: `charter ${version} has no ${locale === "fr" ? "French" : "English"} version (${locale}.mdx)` });
    else sources[locale] = { source, file };
  }
  const checkFile = path.join(folder, "check.yaml");
  const checkText = readText(checkFile);
  if (checkText === null) problems.push({ file: checkFile, line: 1, col: 1, message: `charter ${version} has no comprehension check (check.yaml)` });
  else sources.check = { source: checkText, file: checkFile };
  return compileCharterSources(version, sources, problems);
}

/** A charter version's three texts (files or the database), each with the name its problems are reported under. */
export type CharterSources = Record<Locale | "check", { source: string; file: string }>;

/**
 * One language of a charter: frontmatter (its `version` must be `version`), MDX compiled by the safe
 * compiler, at least one <PolicyClause>, no clause twice. `charter` is set only when nothing is wrong;
 * `tree` whenever the MDX compiled (the editor previews it while the frontmatter is being fixed).
 */
export async function checkCharterLocale(
  version: string,
  locale: Locale,
  source: string,
  file: string,
  problems: Problem[],
): Promise<{ charter: CompiledCharter | null; tree: MdxNode[] | null }> {
  const before = problems.length;
  const { frontmatter, result } = await compileLocaleSource(source, file, charterFrontmatterSchema, { key: "version", value: version }, problems);
  if (!result) return { charter: null, tree: null };
  const clauses = policyClauses(result.tree);
  if (clauses.length === 0) problems.push({ file, line: 1, col: 1, message: "the charter has no <PolicyClause>" });
  const seen = new Set<string>();
  for (const clause of clauses) {
    if (seen.has(clause.ref)) problems.push({ file, line: 1, col: 1, message: `clause ${clause.ref} appears twice` });
    seen.add(clause.ref);
  }
  if (!frontmatter || problems.length > before) return { charter: null, tree: result.tree };
  return { charter: { ...frontmatter, locale, file, tree: result.tree, headings: result.headings, hash: result.hash, clauses }, tree: result.tree };
}

/** The comprehension check of charter `version`: YAML validated with charterCheckSchema, clauses cited must exist. */
export function checkCharterCheck(version: string, text: string, file: string, clauseRefs: readonly string[], problems: Problem[]): CharterCheck | null {
  const parsed = parseYamlWith(text, file, charterCheckSchema);
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return null;
  }
  const refs = new Set(clauseRefs);
  let ok = true;
  parsed.data.questions.forEach((question, index) => {
    if (question.clause !== undefined && refs.size > 0 && !refs.has(question.clause)) {
      const { line, col } = yamlPosition(text, ["questions", index, "clause"]);
      problems.push({ file, line, col, message: `question "${question.id}" cites clause ${question.clause}, which is not in charter ${version}` });
      ok = false;
    }
  });
  return ok ? parsed.data : null;
}

/**
 * Validates and compiles a charter version from its sources, as the library does for a folder: both
 * languages valid with the same clauses and effective date, and a valid check. Null when anything is
 * wrong (problems appended). `stored` keeps the sources on the version (database-held versions, whose
 * text has no file to read again when it is signed).
 */
export async function compileCharterSources(version: string, sources: Partial<CharterSources>, problems: Problem[], stored = false): Promise<CharterVersion | null> {
  const before = problems.length;
  const locales: Partial<Record<Locale, CompiledCharter>> = {};
  for (const locale of LOCALES) {
    const given = sources[locale];
    if (!given) continue;
    const { charter } = await checkCharterLocale(version, locale, given.source, given.file, problems);
    if (charter) locales[locale] = stored ? { ...charter, stored: given.source } : charter;
  }
  const { fr, en } = locales;
  if (fr && en) {
    const frRefs = fr.clauses.map((c) => c.ref).join(", ");
    const enRefs = en.clauses.map((c) => c.ref).join(", ");
    if (frRefs !== enRefs) problems.push({ file: en.file, line: 1, col: 1, message: `the clauses (${enRefs}) differ from the French version's (${frRefs})` });
    if (fr.effective !== en.effective) problems.push({ file: en.file, ...locateKey(sources.en?.source ?? "", "effective", 2), message: `effective date ${en.effective} differs from the French version's ${fr.effective}` });
  }
  const check = sources.check ? checkCharterCheck(version, sources.check.source, sources.check.file, (fr ?? en)?.clauses.map((c) => c.ref) ?? [], problems) : null;
  if (problems.length > before || !fr || !en || !check) return null;
  return { version, effective: fr.effective, locales: { fr, en }, check };
}

type Identity = { key: string; value: string };

/**
 * Validates a source's frontmatter with `schema` (and that its `identity.key` equals `identity.value`)
 * and compiles its MDX; every problem is reported. The valid frontmatter and the compiled MDX, each
 * null when wrong.
 */
async function compileLocaleSource<S extends z.ZodType>(
  source: string,
  file: string,
  schema: S,
  identity: Identity,
  problems: Problem[],
): Promise<{ frontmatter: z.output<S> | null; result: CompiledSource | null }> {
  const split = splitFrontmatter(source, file);
  if (!split.ok) {
    problems.push(...split.problems);
    return { frontmatter: null, result: null };
  }
  let ok = true;
  let frontmatter: z.output<S> | null = null;
  const { yaml, yamlLine } = split.frontmatter;
  if (yaml === null) {
    problems.push({ file, line: 1, col: 1, ...coded("frontmatterMissing") });
    ok = false;
  } else {
    const parsed = parseYamlWith(yaml, file, schema, yamlLine - 1);
    if (parsed.ok) frontmatter = parsed.data;
    // YAML syntax errors are reported by the compiler below.
    else problems.push(...parsed.problems.filter((p) => !p.message.startsWith("YAML:")));
    const raw: unknown = parseDocument(yaml).toJS();
    const actual = raw && typeof raw === "object" ? (raw as Record<string, unknown>)[identity.key] : undefined;
    if (typeof actual === "string" && actual !== identity.value) {
      const { line, col } = yamlPosition(yaml, [identity.key]);
      problems.push({ file, line: line + yamlLine - 1, col, ...coded("identityMismatch", { field: identity.key, actual, expected: identity.value }) });
      ok = false;
    }
  }
  const result = await compileModuleSource(source, file);
  if (!result.ok) {
    problems.push(...result.problems);
    return { frontmatter: null, result: null };
  }
  return { frontmatter: ok ? frontmatter : null, result };
}

function policyClauses(tree: MdxNode[]): CharterClause[] {
  const out: CharterClause[] = [];
  const visit = (nodes: MdxNode[]) => {
    for (const node of nodes) {
      if (typeof node === "string") continue;
      if (node.t === "PolicyClause") out.push({ ref: String(node.p?.ref ?? ""), title: String(node.p?.title ?? "") });
      if (node.c) visit(node.c);
    }
  };
  visit(tree);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

/** Position of a top-level frontmatter key (`key:` at the start of a line), searching from `fromLine`. */
function locateKey(source: string, key: string, fromLine: number): { line: number; col: number } {
  const lines = source.split(/\r?\n/);
  for (let i = Math.max(0, fromLine - 1); i < lines.length; i++) {
    if ((lines[i] ?? "").startsWith(`${key}:`)) return { line: i + 1, col: 1 };
    if (i > 0 && /^---[ \t]*$/.test(lines[i] ?? "")) break;
  }
  return { line: 1, col: 1 };
}
