/** Any other path under /api: a JSON 404, not the HTML page people get. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ApiError, withApiErrors } from "~/utils/api.server";

export async function loader({ request }: LoaderFunctionArgs) {
  // Public: nothing here but the answer that there is nothing here.
  return withApiErrors(request, () => {
    throw new ApiError("not_found");
  });
}

export async function action({ request }: ActionFunctionArgs) {
  return withApiErrors(request, () => {
    throw new ApiError("not_found");
  });
}
