/**
 * The list tables of the back office (people, teams, tokens, webhooks, audit, charter versions): a
 * scrollable bordered frame, a header row of column labels, and the rows the page renders. Column
 * headers are `scope="col"`; a row's first cell may be a `<th scope="row">`.
 *
 * Sorting is the server's (ADR 0030): a sortable column's header is a link to the same page with
 * `?sort=<key>&dir=<asc|desc>` (other parameters kept, the page or cursor reset), and carries `aria-sort` when the
 * rows are sorted by it. No script: it works before hydration, and the rows sorted are all of them, not
 * the page shown. Filtering is the page's own GET form (`role="search"`) above the table.
 */
import { Link, useLocation } from "@remix-run/react";
import { isValidElement, type ReactNode } from "react";

export type SortDirection = "asc" | "desc";
export type SortableColumn = { label: ReactNode; sortKey: string };
export type TableSort = { key: string; dir: SortDirection };

function isSortable(column: ReactNode | SortableColumn): column is SortableColumn {
  return typeof column === "object" && column !== null && !isValidElement(column) && "sortKey" in column;
}

function SortLink({ column, sort }: { column: SortableColumn; sort: TableSort }) {
  const { pathname, search } = useLocation();
  const active = sort.key === column.sortKey;
  const params = new URLSearchParams(search);
  params.set("sort", column.sortKey);
  params.set("dir", active && sort.dir === "asc" ? "desc" : "asc");
  // Back to the first page: a page number or a cursor (`before`/`after`) belongs to the other order.
  params.delete("page");
  params.delete("before");
  params.delete("after");
  return (
    <Link to={`${pathname}?${params}`} className="inline-flex items-center gap-1 hover:underline" preventScrollReset>
      {column.label}
      <span aria-hidden="true" className={active ? "text-brand-700" : "text-slate-400"}>
        {active ? (sort.dir === "asc" ? "▲" : "▼") : "↕"}
      </span>
    </Link>
  );
}

export function DataTable({
  columns,
  children,
  cellPadding = "px-3",
  sort,
  caption,
}: {
  columns: (ReactNode | SortableColumn)[];
  children: ReactNode;
  cellPadding?: "px-3" | "px-4";
  /** The current order, when some columns are sortable. */
  sort?: TableSort;
  /** The table's name for screen readers, when no heading right above names it. */
  caption?: ReactNode;
}) {
  // The scroll box is positioned, so that what sits absolutely inside (screen-reader-only labels) scrolls with
  // the table instead of widening the page on a phone.
  return (
    <div className="relative overflow-x-auto rounded-card border border-line bg-white shadow-card">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="bg-slate-50 text-left text-slate-700">
          <tr>
            {columns.map((column, index) =>
              isSortable(column) && sort ? (
                <th
                  key={index}
                  scope="col"
                  className={`${cellPadding} py-2.5 font-semibold`}
                  aria-sort={sort.key === column.sortKey ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}
                >
                  <SortLink column={column} sort={sort} />
                </th>
              ) : (
                <th key={index} scope="col" className={`${cellPadding} py-2.5 font-semibold`}>
                  {isSortable(column) ? column.label : column}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
