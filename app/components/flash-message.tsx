import { useState } from "react";
import { useTranslation } from "~/i18n/react";
import type { Flash } from "~/utils/flash.server";

export function FlashMessage({ flash }: { flash: Flash }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  if (!open) return null;
  return (
    // Looks in app/styles/app.css (.flash, .flash-<kind>): this module ships on every page.
    <div className="flash">
      <div role={flash.kind === "error" ? "alert" : "status"} className={`flash-${flash.kind}`}>
        <p>{t(flash.key, flash.params)}</p>
        <button type="button" onClick={() => setOpen(false)} aria-label={t("common.dismiss")}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
    </div>
  );
}
