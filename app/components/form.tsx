/**
 * Form fields: one place wires a control to its label, hint and error for screen readers
 * (`aria-describedby`, `aria-invalid`), so routes never do it by hand. Errors are i18n keys from the
 * server's zod schema (app/utils/forms.server.ts); forms work without JavaScript (ADR 0029).
 */
import { useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import { fieldAria, type FieldAria } from "./form-errors";

// Their own module, so that a page that needs only these does not download the fields (ADR 0038).
export { FormErrors, fieldAria, type FieldAria } from "./form-errors";

/**
 * A label, a hint, the control and its error. `label` may be a node (a checkbox inside its label);
 * `children` receives the ARIA attributes to spread on the control.
 */
export function FieldFrame({
  id,
  label,
  hint,
  error,
  required,
  describedBy,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: string | null;
  error?: string | null;
  required?: boolean;
  /** Ids of other elements that describe the control (see fieldAria). */
  describedBy?: readonly string[];
  children: (aria: FieldAria) => ReactNode;
}) {
  const aria = fieldAria(id, Boolean(hint), Boolean(error), describedBy);
  return (
    <div>
      {typeof label === "string" ? (
        <label htmlFor={id} className="field-label">
          {label}
          {required ? (
            <span className="text-red-700" aria-hidden="true">
              {" "}
              *
            </span>
          ) : null}
        </label>
      ) : (
        label
      )}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children(aria)}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type FieldProps = {
  name: string;
  label: string;
  errors?: Record<string, string> | null;
  hint?: string;
  errorParams?: Record<string, string | number>;
} & React.InputHTMLAttributes<HTMLInputElement>;

/** A labelled input whose error and hint are tied to it for screen readers. */
export function Field({ name, label, errors, hint, errorParams, id, ...input }: FieldProps) {
  const { t } = useTranslation();
  const error = errors?.[name];
  return (
    <FieldFrame id={id ?? `field-${name}`} label={label} hint={hint} error={error ? t(error, errorParams) : null} required={input.required}>
      {(aria) => <input name={name} className="field-input" {...aria} {...input} />}
    </FieldFrame>
  );
}

/**
 * Whether this page's form is being submitted (as the Epic Stack's `useIsPending`): optionally only
 * for one `intent` (the button's name="intent" value). Replaces a busy flag per route.
 */
export function useIsPending({ intent, state = "submitting" }: { intent?: string; state?: "submitting" | "non-idle" } = {}): boolean {
  const navigation = useNavigation();
  const active = state === "non-idle" ? navigation.state !== "idle" : navigation.state === "submitting";
  return active && (intent === undefined || navigation.formData?.get("intent") === intent);
}
