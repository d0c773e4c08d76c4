/**
 * Importing this module makes the importer wait for the "charter" strings of the page's language (app/i18n/strings.ts,
 * ADR 0032). In the browser only: the server build replaces `.client` modules by empty ones.
 */
import { needStrings } from "../strings";

await needStrings("charter");
