import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { payments } from "@/lib/db/schema";
import { conflict, invalid } from "@/lib/errors";

export const IDEMPOTENCY_HEADER = "Idempotency-Key";

export const idempotencyKeySchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, { message: "Use printable ASCII without spaces." })
  .meta({
    description: "Send the same key to retry a request safely: the first result is returned again.",
  });

/** The header's key, or undefined when the request sent none. A malformed key is refused before anything changes. */
export function readIdempotencyKey(headers: Headers): string | undefined {
  const raw = headers.get(IDEMPOTENCY_HEADER);
  if (raw === null) return undefined;
  const parsed = idempotencyKeySchema.safeParse(raw);
  if (!parsed.success)
    throw invalid(
      "idempotency_key_invalid",
      `${IDEMPOTENCY_HEADER}: up to 200 printable characters.`,
    );
  return parsed.data;
}

/** Keys are scoped to the API token that sent them, so two integrations cannot collide. */
export function scopedIdempotencyKey(tokenId: number, key: string): string {
  return `api_token:${tokenId}:${key}`;
}

export function requestFingerprint(body: unknown): string {
  return createHash("sha256").update(JSON.stringify(body)).digest("hex");
}

/**
 * Inside the caller's transaction: serialize requests carrying the same key with a transaction-scoped advisory lock,
 * then look for the payment an earlier request stored under it. The lock is held until commit, so a concurrent
 * duplicate waits and then (read committed: a fresh snapshot per statement) sees the committed payment.
 * The same key with a different body is `idempotency_key_reused` (409).
 */
export async function findIdempotentPayment(
  tx: Db,
  options: { scopedKey: string; fingerprint: string },
): Promise<number | null> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${options.scopedKey}, 0))`);
  const [existing] = await tx
    .select({
      id: payments.id,
      fingerprint: sql<string | null>`${payments.meta}->>'idempotency_fingerprint'`,
    })
    .from(payments)
    .where(sql`${payments.meta}->>'idempotency_key' = ${options.scopedKey}`)
    .limit(1);
  if (!existing) return null;
  if (existing.fingerprint !== options.fingerprint) {
    throw conflict(
      "idempotency_key_reused",
      `This ${IDEMPOTENCY_HEADER} was used for a different request.`,
    );
  }
  return existing.id;
}
