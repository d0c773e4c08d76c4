import { NavLink } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

/** The sub-navigation of the provisioning admin pages: SCIM tokens, CSV import and export. */
export function ProvisioningTabs() {
  const { t } = useTranslation();
  const tab = ({ isActive }: { isActive: boolean }) =>
    `block rounded-md px-3 py-2 text-sm font-medium ${isActive ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100"}`;
  return (
    <nav aria-label={t("provisioning.tabs.label")}>
      <ul className="flex flex-wrap gap-1 border-b border-slate-200 pb-2">
        <li>
          <NavLink to="/admin/provisioning" end className={tab}>
            {t("provisioning.tabs.scim")}
          </NavLink>
        </li>
        <li>
          <NavLink to="/admin/people-csv" className={tab}>
            {t("provisioning.tabs.csv")}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
