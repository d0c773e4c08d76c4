/**
 * The design system's components (ADR 0030), in one module so that a page using several of them downloads one
 * small chunk, not one per component and no empty chunk per re-exporting file (ADR 0038): import them from
 * `~/components/ui`. (`~/components/ui/<name>` re-export from here, for older imports.) Their looks are classes
 * of app/styles/app.css: pages ship structure, not styles.
 */
import { Link, type LinkProps } from "@remix-run/react";
import { useId, type ButtonHTMLAttributes, type ReactNode } from "react";

/**
 * A small label of state. The tone says how to read it (colour is never the only cue: the text is
 * always there); each pair of text and background colours reaches WCAG AA. The tones are classes of
 * app/styles/app.css (`.badge-<tone>`), so that learners' pages carry no colour table in JavaScript.
 */

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger" | "brand";

export function Badge({ tone = "neutral", children, className }: { tone?: BadgeTone; children: ReactNode; className?: string }) {
  return <span className={className ? `badge badge-${tone} ${className}` : `badge badge-${tone}`}>{children}</span>;
}

/**
 * Buttons and links that look like buttons: one shape, four intents (the `.btn-*` classes of
 * app/styles/app.css, ADR 0030). A link that navigates stays a link; an action is a button.
 */

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "md" | "sm";

export function buttonClass(variant: ButtonVariant = "primary", size: ButtonSize = "md", extra = ""): string {
  return [`btn-${variant}`, size === "sm" ? "btn-sm" : "", extra].filter(Boolean).join(" ");
}

export function Button({
  variant,
  size,
  className,
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: ButtonSize }) {
  return <button type={type} className={buttonClass(variant, size, className)} {...props} />;
}

export function ButtonLink({ variant, size, className, ...props }: LinkProps & { variant?: ButtonVariant; size?: ButtonSize }) {
  return <Link className={buttonClass(variant, size, className)} {...props} />;
}

/**
 * A card: a white surface with an optional heading (which labels the section for screen readers) and
 * an optional action at the heading's end. Links inside are not underlined unless in a sentence. Its look
 * is the `.card*` classes of app/styles/app.css (ADR 0030).
 */

export function Card({
  title,
  action,
  children,
  className,
  headingLevel = 2,
  tone = "plain",
  ...rest
}: {
  title?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
  className?: string;
  headingLevel?: 2 | 3;
  tone?: "plain" | "highlight";
  id?: string;
  role?: "alert" | "status";
  "aria-live"?: "polite";
}) {
  const id = useId();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section
      aria-labelledby={title ? id : undefined}
      className={["card", tone === "highlight" && "card-highlight", className].filter(Boolean).join(" ")}
      {...rest}
    >
      {title || action ? (
        <div className="card-head">
          {title ? (
            <Heading id={id} className="card-title">
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

/**
 * What a list or a page shows when it has nothing yet: a short title, why, and the action that fills
 * it, rather than a bare "none". A decorative icon, hidden from screen readers. Its look is the
 * `.empty-*` classes of app/styles/app.css (ADR 0030).
 */

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
    <div className="empty-state" data-testid="empty-state">
      <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5">
        <path
          strokeLinecap="round"
          strokeLinejoin="round"
          d="M3.75 9.75h16.5M3.75 9.75V18a2.25 2.25 0 0 0 2.25 2.25h12A2.25 2.25 0 0 0 20.25 18V9.75M3.75 9.75 6 3.75h12l2.25 6M9 13.5h6"
        />
      </svg>
      <Heading>{title}</Heading>
      {children ? <div className="empty-body">{children}</div> : null}
      {action ? <div className="empty-action">{action}</div> : null}
    </div>
  );
}

/**
 * The top of every page: the title (the page's only h1), an optional line under it, and the page's
 * primary action at the end of the row (wrapping under the title on a phone). `before` takes a
 * breadcrumb or a back link. Its look is the `.page-*` classes of app/styles/app.css: learners' pages
 * ship the structure, not the styles, in JavaScript (ADR 0030, ADR 0038).
 */

export function PageHeader({
  title,
  description,
  actions,
  before,
  className,
  titleLang,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  before?: ReactNode;
  className?: string;
  /** The title's language when it is content in another language than the page's. */
  titleLang?: string;
}) {
  return (
    <header className={className ? `page-header ${className}` : "page-header"}>
      {before}
      <div className="page-header-row">
        <div className="min-w-0 space-y-1">
          <h1 className="page-title" lang={titleLang}>
            {title}
          </h1>
          {description ? <div className="page-lede">{description}</div> : null}
        </div>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
    </header>
  );
}
