import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { notFound, requirePermission, teamScope } from "~/auth/guards.server";
import { can, scopeFor } from "~/auth/permissions";
import { DataTable } from "~/components/data-table";
import { DateTime } from "~/components/dates";
import { Field, FieldFrame, FormErrors } from "~/components/form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Pagination } from "~/components/pagination";
import { LevelDistribution, sourceLabel } from "~/components/placement";
import { AccountStatusBadge } from "~/components/account-status";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { LEVELS } from "~/domain/placement";
import { listTeamMembers, teamLevelDistribution, TEAM_MEMBER_LEVEL_FILTERS, TEAM_MEMBER_SORTS } from "~/models/placement.server";
import { getTeam } from "~/models/team.server";
import { removeTeamChatHook, setTeamChatHook, teamChatView } from "~/models/team-chat.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, withFormErrors, z } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";
// The page groups of strings this file names (ADR 0032).
import "~/i18n/load/diagnostic.client";
import "~/i18n/load/placement.client";

export const meta = titled;

const PAGE_SIZE = 50;

function querySchema() {
  return z.object({
    page: z.coerce.number().int().min(1).max(100000).catch(1),
    q: z.string().trim().max(100).optional().catch(undefined),
    level: z.enum(TEAM_MEMBER_LEVEL_FILTERS).optional().catch(undefined),
    sort: z.enum(TEAM_MEMBER_SORTS).catch("name"),
    dir: z.enum(["asc", "desc"]).catch("asc"),
  });
}

/** Members with their level, and the team's distribution of levels: one query each, whatever the team's size. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "team.view");
  const scope = teamScope(viewer);
  const team = getTeam(params.teamId ?? "");
  // Outside one's scope looks the same as missing.
  if (!team || (scope && !scope.includes(team.id))) throw notFound();
  const { page, q, level, sort, dir } = querySchema().parse(Object.fromEntries(new URL(request.url).searchParams));
  const members = listTeamMembers({ teamId: team.id, page, pageSize: PAGE_SIZE, search: q, level, sort, dir });
  return json({
    title: titleFor(request, viewer, "team", { name: team.name }),
    team,
    ...members,
    page,
    pageSize: PAGE_SIZE,
    q: q ?? "",
    level: level ?? "",
    sort: { key: sort, dir },
    distribution: teamLevelDistribution(team.id),
    canAdjust: can(viewer.roles, "placement.override") || can(viewer.roles, "placement.reset"),
    // The team's chat webhook: its managers and admins (a trainer sees the team, not this).
    chat: canChat(viewer, team.id) ? { hook: teamChatView(team.id) } : null,
  });
}

function canChat(viewer: Awaited<ReturnType<typeof requirePermission>>, teamId: string): boolean {
  const scope = scopeFor(viewer.roles, "team.chat");
  return scope === "all" || (scope === "team" && viewer.managedTeamIds.includes(teamId));
}

function chatSchema() {
  return z.discriminatedUnion(
    "intent",
    [
      z.object({
        intent: z.literal("chat.save"),
        url: z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(2000, "errors.tooLong"),
        format: z.enum(["slack", "teams"], { error: "errors.invalidInput" }),
        locale: z.enum(["fr", "en"], { error: "errors.invalidInput" }),
      }),
      z.object({ intent: z.literal("chat.remove") }),
    ],
    { error: "errors.invalidInput" },
  );
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context, params }) => {
    const viewer = await requirePermission(request, context, "team.chat");
    const team = getTeam(params.teamId ?? "");
    if (!team || !canChat(viewer, team.id)) throw notFound();
    const form = await parseForm(request, chatSchema());
    if (form.intent === "chat.remove") {
      removeTeamChatHook(viewer.id, team.id);
      return redirectWithFlash(`/teams/${team.id}`, { kind: "success", key: "teams.chat.removed" });
    }
    await setTeamChatHook(viewer.id, team.id, { url: form.url, format: form.format, locale: form.locale });
    return redirectWithFlash(`/teams/${team.id}`, { kind: "success", key: "teams.chat.saved" });
  });
}

function TeamChat({ hook }: { hook: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["chat"]>["hook"] }) {
  const { t, i18n } = useTranslation();
  const data = useActionData<typeof action>();
  const errors = data && "fieldErrors" in data ? (data.fieldErrors as Record<string, string>) : null;
  return (
    <Card title={t("teams.chat.title")} className="space-y-4">
      <p className="text-slate-700">{t("teams.chat.intro")}</p>
      {hook ? (
        <div className="space-y-1">
          <p>{t("teams.chat.current", { host: hook.host, format: t(`teams.chat.formats.${hook.format}`) })}</p>
          {hook.lastError ? <p className="text-red-800">{t("teams.chat.lastFailed", { error: hook.lastError })}</p> : null}
          {hook.lastDeliveredAt ? (
            <p className="text-sm text-slate-600">
              {t("teams.chat.lastDelivered")} <DateTime value={hook.lastDeliveredAt} />
            </p>
          ) : null}
        </div>
      ) : (
        <p>{t("teams.chat.none")}</p>
      )}
      <Form method="post" className="space-y-4">
        <FormErrors errors={errors} />
        <Field
          name="url"
          type="url"
          label={hook ? t("teams.chat.newUrl") : t("teams.chat.url")}
          hint={t("teams.chat.urlHint")}
          required
          maxLength={2000}
          autoComplete="off"
          errors={errors}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <FieldFrame id="chat-format" label={t("teams.chat.format")} hint={t("teams.chat.formatHint")} error={errors?.format ? t(errors.format) : null}>
            {(aria) => (
              <select name="format" className="field-input" defaultValue={hook?.format ?? "slack"} {...aria}>
                <option value="slack">{t("teams.chat.formats.slack")}</option>
                <option value="teams">{t("teams.chat.formats.teams")}</option>
              </select>
            )}
          </FieldFrame>
          <FieldFrame id="chat-locale" label={t("teams.chat.language")} error={errors?.locale ? t(errors.locale) : null}>
            {(aria) => (
              <select name="locale" className="field-input" defaultValue={hook?.locale ?? i18n.language} {...aria}>
                <option value="fr">Français</option>
                <option value="en">English</option>
              </select>
            )}
          </FieldFrame>
        </div>
        <Button type="submit" name="intent" value="chat.save">
          {t("teams.chat.save")}
        </Button>
      </Form>
      {hook ? (
        <Form method="post">
          <Button type="submit" name="intent" value="chat.remove" variant="secondary">
            {t("teams.chat.remove")}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

export default function TeamPage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const filtered = Boolean(data.q || data.level);
  return (
    <div className="space-y-6">
      <PageHeader
        title={data.team.name}
        description={t("staffPages.team.intro")}
        before={
          <div>
            <Link to="/teams" className="link text-sm">
              {t("staffPages.team.back")}
            </Link>
          </div>
        }
        className="mb-0"
      />
      <section aria-labelledby="levels-title">
        <h2 id="levels-title" className="text-heading font-semibold">
          {t("diagnostic.team.distributionTitle")}
        </h2>
        <LevelDistribution counts={data.distribution} />
      </section>
      <Card title={`${t("teams.memberList")} (${data.total})`} className="space-y-4">
        <Form method="get" role="search" aria-label={t("staffPages.team.filterLabel")} className="flex flex-wrap items-end gap-3">
          <div className="min-w-48 flex-1">
            <label htmlFor="member-q" className="field-label">
              {t("people.searchLabel")}
            </label>
            <input id="member-q" name="q" type="search" defaultValue={data.q} className="field-input" maxLength={100} />
          </div>
          <div className="min-w-48">
            <label htmlFor="member-level" className="field-label">
              {t("diagnostic.team.level")}
            </label>
            <select id="member-level" name="level" defaultValue={data.level} className="field-input">
              <option value="">{t("staffPages.team.allLevels")}</option>
              {LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t(`placement.levels.${level}.name`)}
                </option>
              ))}
              <option value="none">{t("diagnostic.team.notPlaced")}</option>
            </select>
          </div>
          {/* A new filter keeps the table's order. */}
          <input type="hidden" name="sort" value={data.sort.key} />
          <input type="hidden" name="dir" value={data.sort.dir} />
          <Button type="submit" variant="secondary">
            {t("staffPages.filter")}
          </Button>
          {filtered ? (
            <Link to={`/teams/${data.team.id}`} className="btn-ghost">
              {t("staffPages.clearFilters")}
            </Link>
          ) : null}
        </Form>
        {data.rows.length === 0 ? (
          <EmptyState title={filtered ? t("staffPages.team.noMatch") : t("staffPages.team.empty")} headingLevel={3}>
            {filtered ? t("staffPages.team.noMatchHint") : t("staffPages.team.emptyHint")}
          </EmptyState>
        ) : (
          <DataTable
            cellPadding="px-4"
            sort={data.sort}
            columns={[
              { label: t("common.name"), sortKey: "name" },
              { label: t("common.email"), sortKey: "email" },
              t("common.roles"),
              t("common.status"),
              { label: t("diagnostic.team.level"), sortKey: "level" },
              t("diagnostic.team.source"),
              ...(data.canAdjust ? [t("common.actions")] : []),
            ]}
          >
            {data.rows.map((person) => (
              <tr key={person.id}>
                <td className="px-4 py-2">{person.name}</td>
                <td className="px-4 py-2">{person.email}</td>
                <td className="px-4 py-2">{person.roles.map((r) => t(`roles.${r}`)).join(", ")}</td>
                <td className="px-4 py-2">
                  <AccountStatusBadge person={person} />
                </td>
                <td className="px-4 py-2">
                  {person.level ? t(`placement.levels.${person.level}.name`) : <span className="text-slate-600">{t("diagnostic.team.notPlaced")}</span>}
                </td>
                <td className="px-4 py-2">{person.source ? sourceLabel(t, { source: person.source, setByName: person.setByName }) : "—"}</td>
                {data.canAdjust ? (
                  <td className="px-4 py-2">
                    <Link to={`/people/${person.id}/placement`} className="link">
                      {t("diagnostic.team.act")}
                      <span className="sr-only"> {t("diagnostic.team.actOn", { name: person.name })}</span>
                    </Link>
                  </td>
                ) : null}
              </tr>
            ))}
          </DataTable>
        )}
        <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />
      </Card>
      {data.chat ? <TeamChat hook={data.chat.hook} /> : null}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
