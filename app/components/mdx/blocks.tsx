/** The presentational MDX components: callouts, do/don't examples, charter clauses, figures, videos. */
import { useId, type ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
// The page group of strings this file names (ADR 0032).
import "~/i18n/load/module.client";

export function Callout({ type, title, children }: { type: string | undefined; title: string | undefined; children: ReactNode }) {
  const { t } = useTranslation();
  const kind = type === "tip" || type === "warning" ? type : "info";
  return (
    // Looks in app/styles/app.css (.md-callout-<kind>, .eyebrow, .md-block-title, .md-body).
    <div role="note" className={`md-callout md-callout-${kind}`}>
      <p className="eyebrow">{t(`track.callout.${kind}`)}</p>
      {title ? <p className="md-block-title">{title}</p> : null}
      <div className="md-body">{children}</div>
    </div>
  );
}

export function Example({ kind, title, children }: { kind: string | undefined; title: string | undefined; children: ReactNode }) {
  const { t } = useTranslation();
  const good = kind !== "dont";
  return (
    <div className={good ? "md-example md-example-do" : "md-example md-example-dont"}>
      <p className="eyebrow">
        <span aria-hidden="true">{good ? "✓ " : "✗ "}</span>
        {t(good ? "track.example.do" : "track.example.dont")}
      </p>
      {title ? <p className="md-block-title">{title}</p> : null}
      <div className="md-body">{children}</div>
    </div>
  );
}

/** A charter clause. `clauseRef` is the author's `ref` attribute (React reserves `ref`). */
export function PolicyClause({ clauseRef, title, children }: { clauseRef: string; title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section aria-labelledby={id} className="md-clause">
      <p id={id}>
        <span>{t("track.clause", { ref: clauseRef })}</span>
        {title}
      </p>
      <div>{children}</div>
    </section>
  );
}

export function Figure({ src, alt, caption }: { src: string; alt: string; caption: string | undefined }) {
  return (
    <figure className="md-figure">
      <img src={src} alt={alt} loading="lazy" />
      {caption ? <figcaption>{caption}</figcaption> : null}
    </figure>
  );
}

export function Video({ src, captions, title, lang }: { src: string; captions: string; title: string; lang: "fr" | "en" }) {
  const { t } = useTranslation();
  return (
    <figure className="md-figure">
      <video controls preload="metadata" src={src} aria-label={title}>
        <track kind="captions" src={captions} srcLang={lang} label={t(`track.module.languages.${lang}`)} default />
      </video>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
