/** The OpenAPI 3.1 description of the public API (public). */
import { offeredChannels } from "~/models/gate.server";
import { apiJson } from "~/utils/api.server";
import { appUrl } from "~/utils/app-url.server";
import { openApiDocument } from "~/utils/openapi.server";

export async function loader() {
  return apiJson(openApiDocument(appUrl(), offeredChannels()), { headers: { "Access-Control-Allow-Origin": "*" } });
}
