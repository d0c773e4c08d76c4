/**
 * Team chat webhooks (ADR 0031): which payload a URL takes, and the payload. Pure.
 *
 * - Slack incoming webhooks (and the many tools that accept Slack's shape: Mattermost, Rocket.Chat,
 *   Discord's `/slack` endpoint) take `{"text": "…"}` with `<url|label>` links.
 * - Microsoft Teams' Workflows webhooks (Power Automate, `*.logic.azure.com`,
 *   `*.powerplatform.com`) take a message with an Adaptive Card attachment; the older Office 365
 *   connector URLs (`*.webhook.office.com`) accept the same message. Markdown links in the card's text.
 * A known host decides the format; for any other host the manager's choice does.
 */
import type { ChatFormat } from "../../db/schema";

const TEAMS_HOSTS = [/\.webhook\.office\.com$/i, /\.logic\.azure\.com$/i, /\.powerplatform\.com$/i, /^outlook\.office\.com$/i];
const SLACK_HOSTS = [/^hooks\.slack\.com$/i];

/** The format a URL's host imposes, or null when the host is not a known one. */
export function formatOfHost(url: string): ChatFormat | null {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return null;
  }
  if (TEAMS_HOSTS.some((re) => re.test(host))) return "teams";
  if (SLACK_HOSTS.some((re) => re.test(host))) return "slack";
  return null;
}

/** A message: plain sentences and one link (label and absolute URL). */
export type ChatMessage = { text: string; link: { label: string; url: string } };

/** Characters Slack's mrkdwn reads as markup, escaped as Slack documents. */
const slackEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/** Markdown's link brackets, escaped in the label. */
const markdownEscape = (text: string) => text.replace(/([\\[\]()*_`])/g, "\\$1");

/** The JSON body posted to the webhook. */
export function chatPayload(format: ChatFormat, message: ChatMessage): Record<string, unknown> {
  switch (format) {
    case "slack":
      return { text: `${slackEscape(message.text)} <${message.link.url}|${slackEscape(message.link.label)}>` };
    case "teams":
      return {
        type: "message",
        attachments: [
          {
            contentType: "application/vnd.microsoft.card.adaptive",
            contentUrl: null,
            content: {
              $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
              type: "AdaptiveCard",
              version: "1.4",
              body: [{ type: "TextBlock", text: `${markdownEscape(message.text)} [${markdownEscape(message.link.label)}](${message.link.url})`, wrap: true }],
            },
          },
        ],
      };
    default: {
      const never: never = format;
      throw new Error(`unknown chat format ${String(never)}`);
    }
  }
}

/** What a saved URL shows back: its host only (the rest of an incoming-webhook URL is its secret). */
export function maskedHookUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}/…`;
  } catch {
    return "…";
  }
}
