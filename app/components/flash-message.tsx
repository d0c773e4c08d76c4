import { useState } from "react";
import { useTranslation } from "~/i18n/react";
import type { Flash } from "~/utils/flash.server";

const STYLES = {
  success: "border-green-700 bg-green-50 text-green-900",
  error: "border-red-700 bg-red-50 text-red-900",
  info: "border-brand-700 bg-brand-50 text-brand-800",
};

export function FlashMessage({ flash }: { flash: Flash }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  if (!open) return null;
  return (
    <div className="mx-auto mt-4 max-w-6xl px-4">
      <div role={flash.kind === "error" ? "alert" : "status"} className={`flex items-start justify-between gap-4 rounded-md border-l-4 p-4 ${STYLES[flash.kind]}`}>
        <p className="min-w-0 break-words">{t(flash.key, flash.params)}</p>
        <button type="button" onClick={() => setOpen(false)} className="text-sm underline" aria-label={t("common.dismiss")}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
    </div>
  );
}
