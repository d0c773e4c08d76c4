/** Re-exported from ./index.tsx, where the design system's components live together (ADR 0038). */
export { Button, ButtonLink, buttonClass, type ButtonSize, type ButtonVariant } from "./index";
