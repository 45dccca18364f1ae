import "server-only";
import { appBaseUrl } from "@/lib/email/build-email-context";
import { sealEmailToken } from "@/lib/email/consent/email-tokens";
import { appendToBody, findLinks, replaceLinks } from "./html-links";

/**
 * Engagement tracking of an email's HTML (the text part stays as written). Links to our own email pages stay direct:
 * the unsubscribe and preference links must work without a detour (RFC 8058, and a reader's trust), and a link that
 * already is a tracked one is not wrapped again.
 */
function keptDirect(url: string): boolean {
  const base = appBaseUrl();
  return ["/email/unsubscribe/", "/email/preferences/", "/email/c/", "/email/o/"].some((path) =>
    url.startsWith(`${base}${path}`),
  );
}

/** The links a tracked email's clicks may lead to, in order: what email_log.links keeps. */
export function trackedLinksOf(html: string): string[] {
  return findLinks(html, keptDirect);
}

/** Where a click on link `index` of the email goes first: a sealed token naming the log row and the index only. */
export function clickUrl(logId: number, index: number): string {
  return `${appBaseUrl()}/email/c/${sealEmailToken("click", { e: logId, l: index })}`;
}

export function openPixelUrl(logId: number): string {
  return `${appBaseUrl()}/email/o/${sealEmailToken("open", { e: logId })}`;
}

/**
 * The HTML as sent when tracked: each link `trackedLinksOf` finds points at its click URL (by its index, so the
 * redirect reads the URL from the log row, not from the token), and a 1×1 open pixel closes the body.
 */
export function trackedHtml(html: string, logId: number): string {
  const linked = replaceLinks(html, (_url, index) => clickUrl(logId, index), keptDirect);
  return appendToBody(
    linked,
    `<img src="${openPixelUrl(logId)}" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0;margin:0;padding:0" />`,
  );
}
