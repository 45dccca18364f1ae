import "server-only";
import { negotiateLocale } from "@/lib/i18n/negotiate-locale";
import en from "@/messages/en.json";
import sk from "@/messages/sk.json";
import { encodeAttribute } from "./html-links";

const MESSAGES = { en: en.EmailLink, sk: sk.EmailLink };

/** Tracking answers are about one reader's one email: never cached, never indexed. */
const PRIVATE_HEADERS = {
  "Cache-Control": "no-store, no-cache, must-revalidate, max-age=0",
  Pragma: "no-cache",
  Expires: "0",
  "X-Robots-Tag": "noindex, nofollow",
  "Referrer-Policy": "no-referrer",
};

/** A transparent 1×1 GIF. */
const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

export function openPixelResponse(): Response {
  return new Response(new Uint8Array(PIXEL), {
    status: 200,
    headers: {
      ...PRIVATE_HEADERS,
      "Content-Type": "image/gif",
      "Content-Length": String(PIXEL.length),
    },
  });
}

/** A tracked click's way on, to a URL of the email as sent (no other URL ever reaches here). */
export function clickRedirectResponse(url: string): Response {
  return new Response(null, { status: 302, headers: { ...PRIVATE_HEADERS, Location: url } });
}

/**
 * A token that is not one of ours, was changed, or names no link of its email: a plain page in the reader's language
 * (from Accept-Language; nobody is signed in here), and no redirect anywhere.
 */
export function invalidLinkResponse(acceptLanguage: string | null): Response {
  const locale = negotiateLocale(acceptLanguage);
  const text = MESSAGES[locale];
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${encodeAttribute(text.notFoundTitle)}</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#18181b"><h1 style="font-size:1.25rem">${encodeAttribute(text.notFoundTitle)}</h1><p>${encodeAttribute(text.notFound)}</p></body></html>`;
  return new Response(html, {
    status: 404,
    headers: { ...PRIVATE_HEADERS, "Content-Type": "text/html; charset=utf-8" },
  });
}
