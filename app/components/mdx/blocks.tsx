/** The presentational MDX components: callouts, do/don't examples, charter clauses, figures, videos. */
import { useId, type ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
// The page group of strings this file names (ADR 0032).
import "~/i18n/load/track.client";

const CALLOUT_STYLES: Record<string, string> = {
  info: "border-brand-600 bg-brand-50",
  tip: "border-emerald-700 bg-emerald-50",
  warning: "border-amber-600 bg-amber-50",
};

export function Callout({ type, title, children }: { type: string | undefined; title: string | undefined; children: ReactNode }) {
  const { t } = useTranslation();
  const kind = type === "tip" || type === "warning" ? type : "info";
  return (
    <div role="note" className={`my-6 rounded-r-md border-l-4 px-4 py-3 ${CALLOUT_STYLES[kind]}`}>
      <p className="text-xs font-bold uppercase tracking-wide text-slate-700">{t(`track.callout.${kind}`)}</p>
      {title ? <p className="mt-1 font-semibold text-slate-900">{title}</p> : null}
      <div className="[&>p:first-child]:mt-2 [&>p:last-child]:mb-0">{children}</div>
    </div>
  );
}

export function Example({ kind, title, children }: { kind: string | undefined; title: string | undefined; children: ReactNode }) {
  const { t } = useTranslation();
  const good = kind !== "dont";
  return (
    <div className={`my-6 rounded-md border px-4 py-3 ${good ? "border-emerald-300 bg-white" : "border-red-300 bg-white"}`}>
      <p className={`text-xs font-bold uppercase tracking-wide ${good ? "text-emerald-800" : "text-red-800"}`}>
        <span aria-hidden="true">{good ? "✓ " : "✗ "}</span>
        {t(good ? "track.example.do" : "track.example.dont")}
      </p>
      {title ? <p className="mt-1 font-semibold text-slate-900">{title}</p> : null}
      <div className="[&>p:first-child]:mt-2 [&>p:last-child]:mb-0">{children}</div>
    </div>
  );
}

/** A charter clause. `clauseRef` is the author's `ref` attribute (React reserves `ref`). */
export function PolicyClause({ clauseRef, title, children }: { clauseRef: string; title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section aria-labelledby={id} className="my-6 rounded-md border border-slate-200 bg-white px-4 py-3">
      <p id={id} className="font-semibold text-slate-900">
        <span className="mr-2 text-sm font-bold text-brand-800">{t("track.clause", { ref: clauseRef })}</span>
        {title}
      </p>
      <div className="[&>p:last-child]:mb-0">{children}</div>
    </section>
  );
}

export function Figure({ src, alt, caption }: { src: string; alt: string; caption: string | undefined }) {
  return (
    <figure className="my-6">
      <img src={src} alt={alt} loading="lazy" className="h-auto max-w-full rounded" />
      {caption ? <figcaption className="mt-2 text-sm text-slate-700">{caption}</figcaption> : null}
    </figure>
  );
}

export function Video({ src, captions, title, lang }: { src: string; captions: string; title: string; lang: "fr" | "en" }) {
  const { t } = useTranslation();
  return (
    <figure className="my-6">
      <video controls preload="metadata" src={src} aria-label={title} className="w-full rounded bg-black">
        <track kind="captions" src={captions} srcLang={lang} label={t(`track.module.languages.${lang}`)} default />
      </video>
      <figcaption className="mt-2 text-sm text-slate-700">{title}</figcaption>
    </figure>
  );
}
