import "server-only";
import { createHmac } from "node:crypto";
import { and, count, eq, gt, max, or, sql } from "drizzle-orm";
import { authSecret } from "@/lib/auth/auth-secret";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { throttleAttempts } from "@/lib/db/schema";
import {
  LONGEST_THROTTLE_WINDOW_MS,
  THROTTLE_POLICIES,
  type ThrottledOperation,
  type ThrottlePolicy,
  type ThrottleRule,
} from "./throttle-policies";
import { retryAfterSeconds, throttleWaitMs } from "./throttle-wait";
import { TooManyAttemptsError } from "./too-many-attempts-error";

/** Who is attempting: the account (a normalized email, or a user's id) and the client address (null: unknown). */
export interface ThrottleSubject {
  account?: string;
  address: string | null;
}

/** The rows one allowed attempt wrote, and its account's key, for forgiveAttempt. */
export interface ThrottleReservation {
  operation: ThrottledOperation;
  rowIds: number[];
  accountKey: string | null;
}

/** Requests that name no address share one key: they cannot be told apart, so they share one allowance. */
const UNKNOWN_ADDRESS = "unknown";

/** How many of the oldest rows one attempt looks at for deletion: more than it writes, so the table stays bounded. */
const PRUNE_BATCH = 20;

export const accountBucket = (operation: ThrottledOperation) => `${operation}:account`;
const addressBucket = (operation: ThrottledOperation) => `${operation}:address`;

/** Emails and addresses are kept only as keyed hashes: equal inputs compare equal, nothing can be read back. */
function throttleKey(bucket: string, value: string): string {
  return createHmac("sha256", authSecret() ?? "subflow-throttle")
    .update(`${bucket}:${value}`)
    .digest("base64url");
}

/**
 * Let an attempt at `operation` through, or refuse it with TooManyAttemptsError (429 `too_many_attempts`) while its
 * account or address must wait. An allowed attempt is recorded at once, before it runs, and a refused one is not.
 *
 * Concurrency: a transaction-scoped advisory lock per (bucket, key), taken in sorted order (no deadlock between two
 * attempts), serialises counting and recording, and recording happens before the attempt runs (a password check
 * takes a while). So attempts arriving together each see the ones before them, in flight or finished, and no burst
 * gets more than the allowance; the lock is held only for one count and one insert, never across the attempt.
 */
export async function reserveAttempt(
  db: Db,
  operation: ThrottledOperation,
  subject: ThrottleSubject,
): Promise<ThrottleReservation> {
  const policy: ThrottlePolicy = THROTTLE_POLICIES[operation];
  const accountKey =
    policy.account && subject.account !== undefined
      ? throttleKey(accountBucket(operation), subject.account)
      : null;
  const entries: { bucket: string; key: string; rule: ThrottleRule }[] = [
    ...(policy.account && accountKey
      ? [{ bucket: accountBucket(operation), key: accountKey, rule: policy.account }]
      : []),
    {
      bucket: addressBucket(operation),
      key: throttleKey(addressBucket(operation), subject.address ?? UNKNOWN_ADDRESS),
      rule: policy.address,
    },
  ].sort((a, b) => `${a.bucket}:${a.key}`.localeCompare(`${b.bucket}:${b.key}`));

  const at = now();
  const rowIds = await db.transaction(async (tx) => {
    for (const entry of entries) {
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtextextended(${`throttle:${entry.bucket}:${entry.key}`}, 0))`,
      );
    }
    const recent = await tx
      .select({
        bucket: throttleAttempts.bucket,
        key: throttleAttempts.key,
        count: count(),
        latest: max(throttleAttempts.attemptedAt),
      })
      .from(throttleAttempts)
      .where(
        or(
          ...entries.map((entry) =>
            and(
              eq(throttleAttempts.bucket, entry.bucket),
              eq(throttleAttempts.key, entry.key),
              gt(throttleAttempts.attemptedAt, new Date(at.getTime() - entry.rule.windowMs)),
            ),
          ),
        ),
      )
      .groupBy(throttleAttempts.bucket, throttleAttempts.key);
    const waitMs = Math.max(
      ...entries.map((entry) => {
        const found = recent.find((row) => row.bucket === entry.bucket && row.key === entry.key);
        return throttleWaitMs(entry.rule, found ?? { count: 0, latest: null }, at);
      }),
    );
    if (waitMs > 0) throw new TooManyAttemptsError(policy.attempts, retryAfterSeconds(waitMs));
    const inserted = await tx
      .insert(throttleAttempts)
      .values(entries.map((entry) => ({ bucket: entry.bucket, key: entry.key, attemptedAt: at })))
      .returning({ id: throttleAttempts.id });
    return inserted.map((row) => row.id);
  });
  await pruneExpiredAttempts(db, new Date(at.getTime() - LONGEST_THROTTLE_WINDOW_MS));
  return { operation, rowIds, accountKey };
}

/**
 * Delete the expired ones among the oldest rows (ids grow with time): a bounded look at the start of the primary key
 * instead of a scan for every expired row. Only the rows to delete are locked, and rows another request has locked
 * are skipped, so this never waits or deadlocks; a later attempt takes them.
 */
async function pruneExpiredAttempts(db: Db, cutoff: Date): Promise<void> {
  await db.execute(sql`
    delete from ${throttleAttempts}
    where ${throttleAttempts.id} in (
      select id from ${throttleAttempts}
      where id in (select id from ${throttleAttempts} order by id limit ${PRUNE_BATCH})
        and attempted_at <= ${cutoff.toISOString()}::timestamptz
      for update skip locked
    )`);
}
