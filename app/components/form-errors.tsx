/**
 * A form's error summary and the ARIA wiring of a described control: the pieces of app/components/form.tsx that
 * pages with a form of their own need (the module page's checks and reflections), without the fields.
 */
import { useTranslation } from "~/i18n/react";

/** What a control needs to be described by its hint and error. */
export type FieldAria = { id: string; "aria-describedby"?: string; "aria-invalid"?: true };

/**
 * The ids and ARIA attributes of a field with an optional hint and error; `alsoDescribedBy` names other
 * elements that describe it (a help paragraph above the form), read before its hint.
 */
export function fieldAria(id: string, hint: boolean, error: boolean, alsoDescribedBy: readonly string[] = []): FieldAria {
  const describedBy = [...alsoDescribedBy, hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return { id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined };
}

/** The form-level message: a summary when fields have errors, or the form's own error. */
export function FormErrors({ errors }: { errors?: Record<string, string> | null }) {
  const { t } = useTranslation();
  if (!errors || Object.keys(errors).length === 0) return null;
  const fieldMessages = Object.entries(errors).filter(([field]) => field !== "form");
  return (
    <div role="alert" className="form-errors">
      <p>{errors.form ? t(errors.form) : t("errors.formHasErrors")}</p>
      {fieldMessages.length ? (
        <ul>
          {fieldMessages.map(([field, key]) => (
            <li key={field}>{t(key)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
