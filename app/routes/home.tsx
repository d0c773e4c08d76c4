import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/guards.server";
import { navigationFor } from "~/auth/navigation";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = () => [{ title: "Ambassade" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  return json({
    name: viewer.name,
    roles: viewer.roles,
    teamName: viewer.teamName,
    tools: navigationFor(viewer.roles).filter((item) => item.to !== "/home"),
  });
}

export default function Home() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-bold">{t("home.title", { name: data.name })}</h1>
        <p className="mt-2 text-slate-700">
          {data.roles.map((r) => t(`roles.${r}`)).join(" · ")}
          {data.teamName ? ` — ${data.teamName}` : ""}
        </p>
      </header>
      {data.tools.length ? (
        <section aria-labelledby="tools-title" className="card">
          <h2 id="tools-title" className="text-lg font-semibold">
            {t("home.staffIntro")}
          </h2>
          <ul className="mt-3 grid gap-2 sm:grid-cols-2">
            {data.tools.map((tool) => (
              <li key={tool.to}>
                <Link to={tool.to} className="link">
                  {t(tool.labelKey)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
