/**
 * The top of every page: the title (the page's only h1), an optional line under it, and the page's
 * primary action at the end of the row (wrapping under the title on a phone). `before` takes a
 * breadcrumb or a back link.
 */
import type { ReactNode } from "react";

export function PageHeader({
  title,
  description,
  actions,
  before,
  className = "",
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  before?: ReactNode;
  className?: string;
}) {
  return (
    <header className={`mb-6 space-y-2 ${className}`}>
      {before}
      <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
        <div className="min-w-0 space-y-1">
          <h1 className="text-display font-bold tracking-tight text-slate-900">{title}</h1>
          {description ? <div className="max-w-prose text-slate-700">{description}</div> : null}
        </div>
        {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
    </header>
  );
}
