/** "Where am I": the links up to this page, then the page itself (`aria-current`), in a labelled nav. */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

export function Breadcrumb({ label, trail, current }: { label: string; trail: { to: string; label: ReactNode }[]; current: ReactNode }) {
  return (
    <nav aria-label={label} className="text-sm">
      <ol className="flex flex-wrap gap-2 text-slate-700">
        {trail.map((step) => (
          <li key={step.to}>
            <Link to={step.to} className="link">
              {step.label}
            </Link>
            <span aria-hidden="true"> / </span>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
