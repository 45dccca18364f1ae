const PROBE_ORIGIN = "http://same-site.invalid";

/**
 * Only same-site paths are followed after sign-in, so a crafted link cannot send people elsewhere. The value is
 * resolved the way a browser would (which drops tabs and newlines, and reads backslashes as slashes) and kept only
 * when it stays on this origin; what is returned is the normalised path.
 */
export function safeCallbackUrl(
  value: string | string[] | undefined,
  fallback = "/account",
): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !raw.startsWith("/") || /[\s\\]/.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
