/**
 * A card: a white surface with an optional heading (which labels the section for screen readers) and
 * an optional action at the heading's end. Links inside are not underlined unless in a sentence.
 */
import { useId, type ReactNode } from "react";

export function Card({
  title,
  action,
  children,
  className = "",
  headingLevel = 2,
  tone = "plain",
}: {
  title?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
  className?: string;
  headingLevel?: 2 | 3;
  tone?: "plain" | "highlight";
}) {
  const id = useId();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const toneClass = tone === "highlight" ? "border-brand-300 bg-brand-50" : "";
  return (
    <section aria-labelledby={title ? id : undefined} className={`card ${toneClass} ${className}`}>
      {title || action ? (
        <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
          {title ? (
            <Heading id={id} className="text-heading font-semibold text-slate-900">
              {title}
            </Heading>
          ) : (
            <span />
          )}
          {action}
        </div>
      ) : null}
      {children}
    </section>
  );
}
