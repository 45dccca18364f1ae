import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { authSecret } from "@/lib/auth/auth-secret";

/** What a view-as token says: this staff member may view this customer's account, read-only, until then. */
export interface ViewAsClaim {
  staffUserId: number;
  customerUserId: number;
  /** Milliseconds since the epoch (lib/clock's time). */
  expiresAt: number;
}

const claimSchema = z.strictObject({
  s: z.number().int().positive(),
  c: z.number().int().positive(),
  e: z.number().int().positive(),
});

/** The signing key: derived from the session secret, so it is never the key that signs sessions themselves. */
function signingKey(): Buffer {
  const secret = authSecret();
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: view-as tokens cannot be signed.");
  return createHmac("sha256", secret).update("subflow view-as v1").digest();
}

function signature(payload: string): Buffer {
  return createHmac("sha256", signingKey()).update(payload).digest();
}

/** `<payload>.<signature>`, both base64url: the claim, and an HMAC-SHA256 over it. */
export function signViewAsToken(claim: ViewAsClaim): string {
  const payload = Buffer.from(
    JSON.stringify({ s: claim.staffUserId, c: claim.customerUserId, e: claim.expiresAt }),
  ).toString("base64url");
  return `${payload}.${signature(payload).toString("base64url")}`;
}

/** The claim of a token this installation signed and that has not expired at `at`; null for anything else. */
export function verifyViewAsToken(token: string, at: Date): ViewAsClaim | null {
  const [payload, given, extra] = token.split(".");
  if (!payload || !given || extra !== undefined) return null;
  const expected = signature(payload);
  const actual = Buffer.from(given, "base64url");
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const claim = claimSchema.safeParse(parsed);
  if (!claim.success || claim.data.e <= at.getTime()) return null;
  return { staffUserId: claim.data.s, customerUserId: claim.data.c, expiresAt: claim.data.e };
}
