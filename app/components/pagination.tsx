import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

export function Pagination({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const hrefFor = (p: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(p));
    return `${location.pathname}?${params}`;
  };
  return (
    <nav aria-label="pagination" className="mt-4 flex items-center justify-between text-sm">
      <span>{t("common.page", { page, pages })}</span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className="btn-secondary" to={hrefFor(page - 1)} rel="prev">
            {t("common.previous")}
          </Link>
        ) : null}
        {page < pages ? (
          <Link className="btn-secondary" to={hrefFor(page + 1)} rel="next">
            {t("common.next")}
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
