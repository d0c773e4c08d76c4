/** The OpenAPI 3.1 description of the public API (public). */
import { offeredChannelsCached } from "~/models/channels.server";
import { apiJson } from "~/utils/api.server";
import { appUrl } from "~/utils/app-url.server";
import { openApiDocument } from "~/utils/openapi.server";

export async function loader() {
  return apiJson(openApiDocument(appUrl(), offeredChannelsCached()), { headers: { "Access-Control-Allow-Origin": "*" } });
}
