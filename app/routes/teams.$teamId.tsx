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
import { listTeamMembers, teamLevelDistribution } from "~/models/placement.server";
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
  return z.object({ page: z.coerce.number().int().min(1).max(100000).catch(1) });
}

/** Members with their level, and the team's distribution of levels: one query each, whatever the team's size. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "team.view");
  const scope = teamScope(viewer);
  const team = getTeam(params.teamId ?? "");
  // Outside one's scope looks the same as missing.
  if (!team || (scope && !scope.includes(team.id))) throw notFound();
  const { page } = querySchema().parse(Object.fromEntries(new URL(request.url).searchParams));
  const members = listTeamMembers({ teamId: team.id, page, pageSize: PAGE_SIZE });
  return json({
    title: titleFor(request, viewer, "team", { name: team.name }),
    team,
    ...members,
    page,
    pageSize: PAGE_SIZE,
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
    <section aria-labelledby="chat-title" className="card space-y-4">
      <h2 id="chat-title" className="text-xl font-semibold">
        {t("teams.chat.title")}
      </h2>
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
        <button type="submit" name="intent" value="chat.save" className="btn-primary">
          {t("teams.chat.save")}
        </button>
      </Form>
      {hook ? (
        <Form method="post">
          <button type="submit" name="intent" value="chat.remove" className="btn-secondary">
            {t("teams.chat.remove")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

export default function TeamPage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold">{data.team.name}</h1>
      <section aria-labelledby="levels-title">
        <h2 id="levels-title" className="text-xl font-semibold">
          {t("diagnostic.team.distributionTitle")}
        </h2>
        <LevelDistribution counts={data.distribution} />
      </section>
      <section aria-labelledby="members-title">
        <h2 id="members-title" className="text-xl font-semibold">
          {t("teams.memberList")} ({data.total})
        </h2>
        <div className="mt-3">
          <DataTable
            cellPadding="px-4"
            columns={[
              t("common.name"),
              t("common.email"),
              t("common.roles"),
              t("common.status"),
              t("diagnostic.team.level"),
              t("diagnostic.team.source"),
              ...(data.canAdjust ? [t("common.actions")] : []),
            ]}
          >
            {data.rows.map((person) => (
              <tr key={person.id}>
                <td className="px-4 py-2">{person.name}</td>
                <td className="px-4 py-2">{person.email}</td>
                <td className="px-4 py-2">{person.roles.map((r) => t(`roles.${r}`)).join(", ")}</td>
                <td className="px-4 py-2">{!person.active ? t("common.inactive") : person.invited ? t("common.invited") : t("common.active")}</td>
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
        </div>
        <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />
      </section>
      {data.chat ? <TeamChat hook={data.chat.hook} /> : null}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
