/** Pieces of the module page alone: its table of contents, and the hook that saves where the reader is. */
import { useFetcher, useFetchers } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "~/i18n/react";
// The page group of strings this file names (ADR 0032).
import "~/i18n/load/module.client";

export type TocHeading = { id: string; text: string; depth: 2 | 3 };

function TocList({ headings }: { headings: readonly TocHeading[] }) {
  return (
    <ol className="toc">
      {headings.map((heading) => (
        <li key={heading.id} className={heading.depth === 3 ? "pl-4" : ""}>
          <a href={`#${heading.id}`}>{heading.text}</a>
        </li>
      ))}
    </ol>
  );
}

/** The table of contents: a sticky sidebar on wide screens, a collapsible block on small ones. */
export function TableOfContents({ headings, variant, lang }: { headings: readonly TocHeading[]; variant: "sidebar" | "collapsible"; lang: string }) {
  const { t } = useTranslation();
  if (headings.length === 0) return null;
  if (variant === "collapsible") {
    return (
      <details className="toc-box">
        <summary>{t("track.module.showContents")}</summary>
        <nav aria-label={t("track.module.contents")} className="mt-2" lang={lang}>
          <TocList headings={headings} />
        </nav>
      </details>
    );
  }
  return (
    <nav aria-label={t("track.module.contents")} className="toc-side">
      <p className="eyebrow mb-2 px-2">{t("track.module.contents")}</p>
      <div lang={lang}>
        <TocList headings={headings} />
      </div>
    </nav>
  );
}

const SEND_EVERY_MS = 4000;
const LOOK_EVERY_MS = 500;

/**
 * Saves where the learner is: one light POST ("visit") when the module opens, then the last heading
 * they scrolled past (a heading counts once it is in the top third of the window), at most every
 * few seconds. Loaders never write; this is the only place a visit is recorded. It looks on scroll
 * (throttled) rather than with an IntersectionObserver, which misses headings skipped over by a
 * jump (End key, a link to a section). Nothing is sent before the reader scrolls, so that the saved
 * place is not overwritten by whatever heading is on screen at load.
 */
export function useReadingProgress(action: string, headingIds: readonly string[], enabled: boolean) {
  const key = `visit-${action}`;
  const fetcher = useFetcher({ key });
  const submitRef = useRef(fetcher.submit);
  submitRef.current = fetcher.submit;
  // While another form of the page (a knowledge check) is saved and the page's data reloaded, a visit
  // waits: its save, which reloads nothing, would land first and React Router would drop that reload
  // (the module would not show as completed).
  const othersBusy = useFetchers().some((other) => other.key !== key && other.state !== "idle");
  const othersBusyRef = useRef(othersBusy);
  othersBusyRef.current = othersBusy;
  const ids = headingIds.join(" ");

  useEffect(() => {
    if (!enabled) return;
    const send = (section: string | null) =>
      submitRef.current(section ? { intent: "visit", section } : { intent: "visit" }, { method: "post", action, preventScrollReset: true });
    send(null);
    if (!ids) return;

    const headings = ids
      .split(" ")
      .map((id) => document.getElementById(id))
      .filter((element): element is HTMLElement => element !== null);
    let lastSent: string | null = null;
    let lastSentAt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reached = (): string | null => {
      let current: string | null = null;
      for (const heading of headings) {
        if (heading.getBoundingClientRect().top < window.innerHeight / 3) current = heading.id;
        else break;
      }
      return current;
    };
    const look = (leaving = false) => {
      timer = undefined;
      const current = reached();
      if (!current || current === lastSent) return;
      const wait = othersBusyRef.current && !leaving ? LOOK_EVERY_MS : lastSentAt + SEND_EVERY_MS - Date.now();
      if (wait > 0) {
        timer = setTimeout(look, wait);
        return;
      }
      lastSent = current;
      lastSentAt = Date.now();
      send(current);
    };
    const onScroll = () => {
      timer ??= setTimeout(look, LOOK_EVERY_MS);
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      window.removeEventListener("scroll", onScroll);
      if (timer) {
        clearTimeout(timer);
        // Leaving the page with a place not yet saved: save it now (fetchers persist past unmount).
        lastSentAt = 0;
        look(true);
      }
    };
  }, [action, ids, enabled]);
}
