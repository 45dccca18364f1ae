import { z } from "zod";

/** `name`, `name:port`, `[ipv6]` or `[ipv6]:port`, lower-cased; the port, when given, is the only one allowed. */
const ENTRY =
  /^(?<host>\[[0-9a-f:.]+\]|[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?)(?::(?<port>\d{1,5}))?$/;

/** An entry as the comparison sees it: the host as a URL spells it (IPv6 compressed, IPv4 dotted), then the port. */
function normalizeEntry(entry: string): string | null {
  const match = ENTRY.exec(entry.replace(/\.(?=:\d+$|$)/, ""));
  if (!match?.groups) return null;
  const { host, port } = match.groups;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname;
  } catch {
    return null;
  }
  if (port === undefined) return hostname;
  const number = Number(port);
  return number >= 1 && number <= 65535 ? `${hostname}:${number}` : null;
}

const allowedHostSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((entry, context) => {
    const normalized = normalizeEntry(entry);
    if (normalized === null) {
      context.addIssue({
        code: "custom",
        message: `"${entry.slice(0, 100)}" is not a host name, host:port or [IPv6 address].`,
      });
      return z.NEVER;
    }
    return normalized;
  });

/**
 * Setting `outbound.allowed_hosts`: hosts that outgoing requests may reach even when they resolve to a private,
 * loopback or otherwise non-public address (a publisher's internal systems). Exact matches only. UI-safe.
 */
export const outboundAllowedHostsSchema = z
  .array(allowedHostSchema)
  .max(100, { message: "List at most 100 hosts." });

export type OutboundAllowedHosts = z.output<typeof outboundAllowedHostsSchema>;

/** Whether the URL's host, or its host and port (the scheme's default port when none is written), is listed. */
export function isAllowedHost(url: URL, allowedHosts: readonly string[]): boolean {
  const hostname = url.hostname.toLowerCase().replace(/\.$/, "");
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return allowedHosts.includes(hostname) || allowedHosts.includes(`${hostname}:${port}`);
}
