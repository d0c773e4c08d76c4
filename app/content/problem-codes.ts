/**
 * The content compiler's problems as codes with parameters, so that each can be said in the reader's
 * language: the command line (content:check, content:import) prints the English `message` built
 * here; the studio translates `code` with `params` (studio.problems.<code>: the French in
 * app/i18n/fr/studio.ts, checked by problem-codes.test.ts; the English is these templates). A problem
 * without a code (a frontmatter field's schema error) keeps its English message. Pure.
 */

export const PROBLEM_TEMPLATES = {
  // The file as a whole
  tooLarge: "the file is too large ({{length}} characters; at most {{max}})",
  frontmatterUnclosed: "the frontmatter's opening --- has no closing ---",
  frontmatterMissing: "the frontmatter is missing: the file starts with a --- fenced YAML block",
  frontmatterYaml: "frontmatter YAML: {{reason}}",
  identityMismatch: '{{field}} "{{actual}}" must equal the folder name "{{expected}}"',
  noKnowledgeCheck: "a module needs at least one <KnowledgeCheck>",
  versionMismatch: "version {{en}} differs from the French version's {{fr}} ({{file}}): both languages carry the same version",
  bothLanguages: "both languages are needed",
  render: "could not render the content: {{reason}}",
  // MDX syntax, as the parser says it (its reason stays in English), with a hint when there is one
  syntax: "MDX syntax: {{reason}}",
  syntaxComment: "MDX syntax: {{reason}} (comments are not allowed in content files: remove it)",
  syntaxLink: "MDX syntax: {{reason}} (write links as [text](https://…))",
  syntaxAttribute: "MDX syntax: {{reason}} (attribute values are double-quoted strings; a `<` followed by a letter starts a component: write &lt; or reword)",
  syntaxExpression: "MDX syntax: {{reason}} (braces start a JavaScript expression, which is not allowed: escape them as \\{ \\})",
  // What content may not contain
  esm: "import and export are not allowed: content is Markdown and the allowlisted components only",
  expression: "braces start a JavaScript expression, which is not allowed (comments included): remove them or escape them as \\{ \\}",
  rawHtml: "raw HTML is not allowed",
  unsupported: "unsupported content ({{type}})",
  dangerousUrl: "{{scheme}}: URLs are not allowed",
  linkScheme: "links go to https://, http://, mailto: or relative paths (found {{scheme}}:)",
  imageUrl: "an image must be an https:// URL or a /media/… path",
  attributeUrl: "<{{component}}> {{attribute}} must be an https:// URL or a /media/… path",
  captionsFormat: "<Video> captions must be a WebVTT file (.vtt)",
  // Components and their attributes
  attributeSpread: "attribute spreads and expressions `{…}` are not allowed",
  eventHandler: "event handler attributes ({{attribute}}) are not allowed",
  attributeExpression: 'attribute {{attribute}} must be a literal "string", not an expression {…}',
  fragment: "fragments <>…</> are not allowed",
  namespacedElement: "<{{name}}> is not allowed: only the components {{components}} may be used",
  rawHtmlElement: "raw HTML <{{name}}> is not allowed: use Markdown or the components {{components}}",
  unknownComponent: "unknown component <{{name}}>: the components are {{components}}",
  attributeTwice: "<{{component}}> has {{attribute}} twice",
  flagWithValue: "{{attribute}} is a bare flag on <{{component}}>: write it alone, without a value",
  attributeNeedsValue: '{{attribute}} on <{{component}}> needs a value: {{attribute}}="…"',
  unknownAttribute: "<{{component}}> has no attribute {{attribute}} (allowed: {{allowed}})",
  attributeRequired: '<{{component}}> needs {{attribute}}="…"',
  attributeEmpty: "{{attribute}} on <{{component}}> is empty",
  attributeValue: '{{attribute}}="{{value}}" on <{{component}}> is not one of {{allowed}}',
  // Placement
  optionOutsideCheck: "<Option> may only appear directly inside a <KnowledgeCheck>",
  blockOnOwnLine: "<{{component}}> must start on its own line, separated from paragraphs by blank lines",
  insideCheck: "<{{component}}> cannot appear inside a knowledge check",
  childless: "<{{component}}> takes no content: close it with />",
  // Knowledge checks and reflections
  idFormat: '{{component}} id "{{id}}" must be kebab-case',
  idTwice: '{{component}} id "{{id}}" is used twice in this module',
  checkOnlyOptions: "a <KnowledgeCheck> contains only <Option> elements",
  optionCount: "a <KnowledgeCheck> has {{min}} to {{max}} options (found {{found}})",
  optionPlainText: "an <Option> holds plain text only",
  optionNoText: "this <Option> has no text",
  oneCorrect: "a <KnowledgeCheck> has exactly one correct option (found {{found}})",
} as const;

export type ProblemCode = keyof typeof PROBLEM_TEMPLATES;
export type ProblemParams = Record<string, string | number>;
export const PROBLEM_CODES = Object.keys(PROBLEM_TEMPLATES) as ProblemCode[];

/** `{{name}}` → the parameter, in a template. */
export function interpolate(template: string, params: ProblemParams = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A problem's code, parameters and English message (without its place). */
export function coded(code: ProblemCode, params: ProblemParams = {}): { code: ProblemCode; params: ProblemParams; message: string } {
  return { code, params, message: interpolate(PROBLEM_TEMPLATES[code], params) };
}
