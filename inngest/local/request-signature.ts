import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/*
 * Inngest's request signing, as the SDK checks it (node_modules/inngest: RequestSignature in
 * components/InngestCommHandler.js, helpers/net.js, helpers/strings.js):
 *  - `X-Inngest-Signature: t=<unix seconds>&s=<hex HMAC-SHA256(body + t)>`, keyed with the signing key minus its
 *    `signkey-<env>-` prefix;
 *  - the SDK parses a request's JSON body and signs its canonical form (RFC 8785), so the executor sends that form;
 *    an answer is signed over its body text as sent;
 *  - a signature more than 5 minutes from now has expired;
 *  - the SDK's calls to the API (sync, checkpoints) carry `Authorization: Bearer <prefix + sha256 of the hex key>`.
 */

export const SIGNATURE_HEADER = "x-inngest-signature";
const MAX_SIGNATURE_AGE_MS = 5 * 60 * 1000;
const KEY_PREFIX = /^signkey-\w+-/;

/** JSON with object keys sorted by UTF-16 code units and no whitespace (RFC 8785 for the values JSON can carry). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? "null" : canonicalJson(item))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined && typeof item !== "function")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
}

function hmac(text: string, signingKey: string, timestamp: string): string {
  return createHmac("sha256", signingKey.replace(KEY_PREFIX, ""))
    .update(text + timestamp)
    .digest("hex");
}

/** The signature header for a body sent (or answered) at `atMs`. */
export function signatureFor(body: string, signingKey: string, atMs = Date.now()): string {
  const timestamp = Math.round(atMs / 1000).toString();
  return `t=${timestamp}&s=${hmac(body, signingKey, timestamp)}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/** Check a signature header over `body`, as the SDK checks the executor's (same key, same 5-minute window). */
export function checkSignature(
  header: string | null,
  body: string,
  signingKey: string,
  nowMs = Date.now(),
): SignatureCheck {
  if (!header) return { ok: false, reason: "no X-Inngest-Signature" };
  const params = new URLSearchParams(header);
  const timestamp = params.get("t") ?? "";
  const signature = params.get("s") ?? "";
  if (!timestamp || !signature) return { ok: false, reason: "a malformed X-Inngest-Signature" };
  const seconds = Number.parseInt(timestamp, 10);
  if (!Number.isFinite(seconds) || Math.abs(nowMs - seconds * 1000) > MAX_SIGNATURE_AGE_MS)
    return { ok: false, reason: "an expired X-Inngest-Signature" };
  const expected = Buffer.from(hmac(body, signingKey, timestamp));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: "a wrong X-Inngest-Signature" };
  return { ok: true };
}

/** The bearer token the SDK sends to the API: the key's prefix, then the SHA-256 of the key's hex bytes. */
export function hashedSigningKey(signingKey: string): string {
  const prefix = KEY_PREFIX.exec(signingKey)?.[0] ?? "";
  const key = signingKey.replace(KEY_PREFIX, "");
  return `${prefix}${createHash("sha256").update(Buffer.from(key, "hex")).digest("hex")}`;
}

/** Does an `Authorization` header carry the SDK's bearer token for this key? */
export function bearerMatches(authorization: string | undefined, signingKey: string): boolean {
  const expected = Buffer.from(`Bearer ${hashedSigningKey(signingKey)}`);
  const given = Buffer.from(authorization ?? "");
  return expected.length === given.length && timingSafeEqual(expected, given);
}
