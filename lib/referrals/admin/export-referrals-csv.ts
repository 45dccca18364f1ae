import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { csvStream } from "@/lib/csv/csv-stream";
import {
  cursorText,
  EXPORT_BATCH_SIZE,
  keysetAfter,
  keysetBatches,
  mapBatches,
} from "@/lib/csv/keyset-batches";
import type { Db } from "@/lib/db";
import { referralPrograms, referralRewards, referrals } from "@/lib/db/schema";
import { friends, referralListWhere, referrers, type ReferralListFilters } from "./list-referrals";

const HEADER = [
  "id",
  "status",
  "review",
  "source",
  "program_id",
  "program_name",
  "referrer_user_id",
  "referrer_email",
  "referred_email",
  "referred_name",
  "referred_user_id",
  "friend_email",
  "trigger",
  "reward_statuses",
  "error_reason",
  "created_at",
  "triggered_at",
  "completed_at",
  "expires_at",
  "reviewed_at",
];

/** The referrals the admin list shows for these filters, newest first, as a streamed CSV (keyset-paged batches). */
export function exportReferralsCsv(
  db: Db,
  filters: ReferralListFilters,
): ReadableStream<Uint8Array> {
  const where = referralListWhere(filters);
  const batches = keysetBatches(async (cursor) => {
    const rows = await db
      .select({
        id: referrals.id,
        status: referrals.status,
        review: referrals.review,
        source: referrals.source,
        programId: referrals.programId,
        programName: referralPrograms.name,
        referrerUserId: referrals.referrerUserId,
        referrerEmail: referrers.email,
        referredEmail: referrals.referredEmail,
        referredName: referrals.referredName,
        referredUserId: referrals.referredUserId,
        friendEmail: friends.email,
        trigger: referrals.trigger,
        rewardStatuses: sql<
          string[]
        >`(select coalesce(array_agg(${referralRewards.status} order by ${referralRewards.id}), '{}') from ${referralRewards} where ${referralRewards.referralId} = ${referrals.id})`,
        errorReason: referrals.errorReason,
        createdAt: referrals.createdAt,
        triggeredAt: referrals.triggeredAt,
        completedAt: referrals.completedAt,
        expiresAt: referrals.expiresAt,
        reviewedAt: referrals.reviewedAt,
        sortKey: cursorText(referrals.createdAt),
      })
      .from(referrals)
      .innerJoin(referrers, eq(referrers.id, referrals.referrerUserId))
      .leftJoin(friends, eq(friends.id, referrals.referredUserId))
      .innerJoin(referralPrograms, eq(referralPrograms.id, referrals.programId))
      .where(and(where, keysetAfter(referrals.createdAt, referrals.id, cursor)))
      .orderBy(desc(referrals.createdAt), desc(referrals.id))
      .limit(EXPORT_BATCH_SIZE);
    return rows;
  });
  return csvStream(
    HEADER,
    mapBatches(batches, (row) => [
      row.id,
      row.status,
      row.review,
      row.source,
      row.programId,
      row.programName,
      row.referrerUserId,
      row.referrerEmail,
      row.referredEmail,
      row.referredName,
      row.referredUserId,
      row.friendEmail,
      row.trigger,
      row.rewardStatuses.join(" "),
      row.errorReason,
      row.createdAt,
      row.triggeredAt,
      row.completedAt,
      row.expiresAt,
      row.reviewedAt,
    ]),
  );
}
