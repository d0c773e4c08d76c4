import type { LoaderFunctionArgs } from "@remix-run/node";
import { getViewer, notFound } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { titled } from "~/utils/meta";

export const meta = titled;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await getViewer(request, context);
  throw notFound();
}

export async function action() {
  throw notFound();
}

export default function NotFound() {
  return null;
}

export const ErrorBoundary = GeneralErrorBoundary;
