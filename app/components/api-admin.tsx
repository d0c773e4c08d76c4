import { NavLink } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

/** The sub-navigation of the API admin pages: tokens, webhooks, and the OpenAPI document. */
export function ApiTabs() {
  const { t } = useTranslation();
  const tab = ({ isActive }: { isActive: boolean }) =>
    `block rounded-md px-3 py-2 text-sm font-medium ${isActive ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100"}`;
  return (
    <nav aria-label={t("api.tabs.label")}>
      <ul className="flex flex-wrap gap-1 border-b border-slate-200 pb-2">
        <li>
          <NavLink to="/admin/api" end className={tab}>
            {t("api.tabs.tokens")}
          </NavLink>
        </li>
        <li>
          <NavLink to="/admin/webhooks" className={tab}>
            {t("api.tabs.webhooks")}
          </NavLink>
        </li>
        <li>
          <a href="/api/v1/openapi.json" className="block rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
            {t("api.tabs.docs")}
          </a>
        </li>
      </ul>
    </nav>
  );
}

/** A secret shown once, in a read-only field that is easy to select and copy. */
export function ShownOnce({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input id={id} readOnly value={value} className="field-input font-mono text-sm" onFocus={(e) => e.currentTarget.select()} />
    </div>
  );
}
