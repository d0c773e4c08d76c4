import { useTranslation } from "~/i18n/react";
import { ROLES, type Role } from "~/domain/roles";
import { FieldFrame } from "~/components/form";

export function RoleCheckboxes({
  selected,
  errors,
  allowed = ROLES,
}: {
  selected: readonly Role[];
  errors?: Record<string, string> | null;
  allowed?: readonly Role[];
}) {
  const { t } = useTranslation();
  const error = errors?.roles;
  return (
    <fieldset aria-describedby={error ? "roles-error" : undefined}>
      <legend className="field-label">{t("common.roles")}</legend>
      <div className="mt-2 flex flex-wrap gap-4">
        {allowed.map((role) => (
          <label key={role} className="inline-flex items-center gap-2">
            <input type="checkbox" name="roles" value={role} defaultChecked={selected.includes(role)} className="h-4 w-4" />
            {t(`roles.${role}`)}
          </label>
        ))}
      </div>
      {error ? (
        <p id="roles-error" className="field-error">
          {t(error)}
        </p>
      ) : null}
    </fieldset>
  );
}

export function TeamSelect({ teams, value, errors }: { teams: { id: string; name: string }[]; value?: string | null; errors?: Record<string, string> | null }) {
  const { t } = useTranslation();
  const error = errors?.teamId;
  return (
    <FieldFrame id="field-teamId" label={t("common.team")} error={error ? t(error) : null}>
      {(aria) => (
        <select {...aria} name="teamId" defaultValue={value ?? ""} className="field-input">
          <option value="">{t("common.noTeam")}</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
