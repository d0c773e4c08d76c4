/**
 * What a list or a page shows when it has nothing yet: a short title, why, and the action that fills
 * it, rather than a bare "none". A decorative icon, hidden from screen readers.
 */
import type { ReactNode } from "react";

export function EmptyState({
  title,
  children,
  action,
  headingLevel = 2,
}: {
  title: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="rounded-card border border-dashed border-slate-300 bg-white px-6 py-10 text-center" data-testid="empty-state">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="mx-auto h-10 w-10 text-brand-300" fill="none" stroke="currentColor" strokeWidth="1.5">
        <path
          strokeLinecap="round"
          strokeLinejoin="round"
          d="M3.75 9.75h16.5M3.75 9.75V18a2.25 2.25 0 0 0 2.25 2.25h12A2.25 2.25 0 0 0 20.25 18V9.75M3.75 9.75 6 3.75h12l2.25 6M9 13.5h6"
        />
      </svg>
      <Heading className="mt-3 text-heading font-semibold text-slate-900">{title}</Heading>
      {children ? <div className="mx-auto mt-1 max-w-md text-slate-700">{children}</div> : null}
      {action ? <div className="mt-5 flex justify-center">{action}</div> : null}
    </div>
  );
}
