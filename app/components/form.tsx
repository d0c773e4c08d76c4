import { useTranslation } from "~/i18n/react";

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
  const fieldId = id ?? `field-${name}`;
  const error = errors?.[name];
  const describedBy = [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={fieldId} className="field-label">
        {label}
        {input.required ? <span className="text-red-700" aria-hidden="true"> *</span> : null}
      </label>
      {hint ? (
        <p id={`${fieldId}-hint`} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <input id={fieldId} name={name} className="field-input" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {error ? (
        <p id={`${fieldId}-error`} className="field-error">
          {t(error, errorParams)}
        </p>
      ) : null}
    </div>
  );
}

/** The form-level message: a summary when fields have errors, or the form's own error. */
export function FormErrors({ errors }: { errors?: Record<string, string> | null }) {
  const { t } = useTranslation();
  if (!errors || Object.keys(errors).length === 0) return null;
  const fieldMessages = Object.entries(errors).filter(([field]) => field !== "form");
  return (
    <div role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
      <p>{errors.form ? t(errors.form) : t("errors.formHasErrors")}</p>
      {fieldMessages.length ? (
        <ul className="mt-1 list-disc pl-5 text-sm">
          {fieldMessages.map(([field, key]) => (
            <li key={field}>{t(key)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
