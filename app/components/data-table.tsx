/**
 * The list tables of the back office (people, teams, tokens, webhooks, audit, charter versions): a
 * scrollable bordered frame, a header row of column labels, and the rows the page renders. Column
 * headers are `scope="col"`; a row's first cell may be a `<th scope="row">`.
 */
import type { ReactNode } from "react";

export function DataTable({
  columns,
  children,
  cellPadding = "px-3",
}: {
  columns: ReactNode[];
  children: ReactNode;
  cellPadding?: "px-3" | "px-4";
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left">
          <tr>
            {columns.map((label, index) => (
              <th key={index} scope="col" className={`${cellPadding} py-2`}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
