/** `TRUSTED_PROXY_HOPS`: how many proxies of ours append to X-Forwarded-For; unset or invalid: none. */
function trustedProxyHops(): number {
  const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? "");
  return Number.isInteger(hops) && hops > 0 ? hops : 0;
}

/**
 * The client's address as the request says it: with TRUSTED_PROXY_HOPS = n, the n-th X-Forwarded-For entry from the
 * end (what the outermost proxy of ours saw: entries before it are whatever the client sent); without it the first
 * entry (hosts such as Vercel write the header themselves); else X-Real-IP. IPv4-mapped IPv6 is unwrapped. Null
 * when the request names none. Any address, private ones included (throttling and the audit log want them).
 */
export function clientAddress(
  forwardedFor: string | null | undefined,
  realIp: string | null | undefined,
  hops: number = trustedProxyHops(),
): string | null {
  const entries =
    forwardedFor
      ?.split(",")
      .map((entry) => entry.trim())
      .filter(Boolean) ?? [];
  const chosen = hops > 0 ? entries[Math.max(entries.length - hops, 0)] : entries[0];
  const raw = chosen || realIp?.trim() || "";
  return raw.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "") || null;
}

/** The client address of a request's headers (a Request's, or next/headers' list). */
export function clientAddressOf(headers: { get(name: string): string | null }): string | null {
  return clientAddress(headers.get("x-forwarded-for"), headers.get("x-real-ip"));
}
