import { useState } from "react";
import { useTranslation } from "~/i18n/react";

/** A one-time message after a redirect, in words (the root loader translates its key: app/utils/shell.server.ts). */
export function FlashMessage({ flash }: { flash: { kind: "success" | "error" | "info"; text: string } }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  if (!open) return null;
  return (
    // Looks in app/styles/app.css (.flash, .flash-<kind>): this module ships on every page.
    <div className="flash">
      <div role={flash.kind === "error" ? "alert" : "status"} className={`flash-${flash.kind}`}>
        <p>{flash.text}</p>
        <button type="button" onClick={() => setOpen(false)} aria-label={t("common.dismiss")}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
    </div>
  );
}
