import "server-only";
import { createHmac } from "node:crypto";
import { and, eq, gte, or } from "drizzle-orm";
import { cookies, headers } from "next/headers";
import { authSecret } from "@/lib/auth/auth-secret";
import { now } from "@/lib/clock";
import { clientAddress } from "@/lib/http/client-address";
import { nonPublicKind } from "@/lib/http/non-public-address";
import type { Db } from "@/lib/db";
import { userSightings } from "@/lib/db/schema";
import { BROWSER_COOKIE, BROWSER_ID_PATTERN } from "./referral-cookies";

export interface Fingerprint {
  browserId: string | null;
  ip: string | null;
}

/** Browser ids and IPs are kept only as keyed hashes: equal inputs compare equal, nothing can be read back. */
function fingerprintHash(kind: "browser" | "ip", value: string): string {
  return createHmac("sha256", authSecret() ?? "subflow-sightings")
    .update(`${kind}:${value}`)
    .digest("base64url");
}

export function hashFingerprint(fingerprint: Fingerprint): {
  browserHash: string | null;
  ipHash: string | null;
} {
  const browserId =
    fingerprint.browserId && BROWSER_ID_PATTERN.test(fingerprint.browserId)
      ? fingerprint.browserId
      : null;
  const ip = fingerprint.ip?.trim() || null;
  return {
    browserHash: browserId ? fingerprintHash("browser", browserId) : null,
    ipHash: ip ? fingerprintHash("ip", ip) : null,
  };
}

/**
 * The client's public address (lib/http/client-address.ts), or null when it is not one. Loopback, private,
 * link-local and other non-public addresses (lib/http/non-public-address.ts) say nothing about a person: a local
 * server, a load balancer or a container network gives the same one to everybody, which would flag every referral.
 */
export function clientIp(
  forwardedFor: string | null | undefined,
  realIp: string | null | undefined,
  hops?: number,
): string | null {
  const ip = clientAddress(forwardedFor, realIp, hops);
  return ip && nonPublicKind(ip) === null ? ip : null;
}

/** One cookie's value from a Cookie header. */
export function cookieValue(cookieHeader: string | null, name: string): string | null {
  for (const part of cookieHeader?.split(";") ?? []) {
    const [key, ...rest] = part.trim().split("=");
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join("="));
    } catch {
      return null;
    }
  }
  return null;
}

/** The current request's browser id and client IP (pages, route handlers and server actions). */
export async function requestFingerprint(): Promise<Fingerprint> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return {
    browserId: cookieStore.get(BROWSER_COOKIE)?.value ?? null,
    ip: clientIp(headerList.get("x-forwarded-for"), headerList.get("x-real-ip")),
  };
}

/** Remember that the user was seen on this browser and IP (refreshes the time of a known pair). */
export async function recordSighting(
  db: Db,
  options: { userId: number } & Fingerprint,
): Promise<void> {
  const { browserHash, ipHash } = hashFingerprint(options);
  if (!browserHash && !ipHash) return;
  await db
    .insert(userSightings)
    .values({
      userId: options.userId,
      browserHash: browserHash ?? "",
      ipHash: ipHash ?? "",
      seenAt: now(),
    })
    .onConflictDoUpdate({
      target: [userSightings.userId, userSightings.browserHash, userSightings.ipHash],
      set: { seenAt: now() },
    });
}

/** Which of a friend's fingerprints the user was seen with since `since`: `same_browser`, `same_ip`. */
export async function sharedFingerprints(
  db: Db,
  options: { userId: number; since: Date } & Fingerprint,
): Promise<("same_browser" | "same_ip")[]> {
  const { browserHash, ipHash } = hashFingerprint(options);
  const matches = [
    ...(browserHash ? [eq(userSightings.browserHash, browserHash)] : []),
    ...(ipHash ? [eq(userSightings.ipHash, ipHash)] : []),
  ];
  if (matches.length === 0) return [];
  const rows = await db
    .select({ browserHash: userSightings.browserHash, ipHash: userSightings.ipHash })
    .from(userSightings)
    .where(
      and(
        eq(userSightings.userId, options.userId),
        gte(userSightings.seenAt, options.since),
        or(...matches),
      ),
    );
  const flags: ("same_browser" | "same_ip")[] = [];
  if (browserHash && rows.some((row) => row.browserHash === browserHash))
    flags.push("same_browser");
  if (ipHash && rows.some((row) => row.ipHash === ipHash)) flags.push("same_ip");
  return flags;
}
