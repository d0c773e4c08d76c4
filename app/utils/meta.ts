/**
 * The `meta` of every page: the title its loader computed (app/utils/title.server.ts), or, when the
 * loader threw (404, 403, an error), a short title in the page's language.
 */
import type { MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse } from "@remix-run/react";

export const SITE_NAME = "Ambassade";

const ERROR_TITLES = {
  fr: { 403: "Accès refusé", 404: "Page introuvable", other: "Erreur" },
  en: { 403: "Access denied", 404: "Page not found", other: "Error" },
} as const;

export const titled: MetaFunction = ({ data, error, matches }) => {
  // A page that refuses with its own message (a thrown 4xx whose data carries `refused.title`) keeps its title.
  const refusedTitle = isRouteErrorResponse(error) ? (error.data as { refused?: { title?: unknown } } | null)?.refused?.title : undefined;
  const title = (data as { title?: unknown } | null | undefined)?.title ?? refusedTitle;
  if (typeof title === "string" && title !== "") return [{ title }];
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined)?.locale === "en" ? "en" : "fr";
  const status = isRouteErrorResponse(error) && (error.status === 403 || error.status === 404) ? error.status : "other";
  return [{ title: `${ERROR_TITLES[locale][error ? status : "other"]} · ${SITE_NAME}` }];
};
