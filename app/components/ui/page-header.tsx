/** Re-exported from ./index.tsx, where the design system's components live together (ADR 0038). */
export { PageHeader } from "./index";
