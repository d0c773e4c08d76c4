import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

/** Previous/next links that set `?page=`; `anchor` (an element id) brings the reader back to the paged list. */
export function Pagination({ page, pageSize, total, anchor }: { page: number; pageSize: number; total: number; anchor?: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const hrefFor = (p: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(p));
    return `${location.pathname}?${params}${anchor ? `#${anchor}` : ""}`;
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
