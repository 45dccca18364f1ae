import "server-only";
import { and, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db";
import {
  referralPrograms,
  referralRewards,
  referrals,
  users,
  type ReferralStatus,
} from "@/lib/db/schema";

/** The referrals list's filters: the admin page, its CSV export and the API's export take the same. */
export interface ReferralListFilters {
  status?: ReferralStatus;
  programId?: number;
  /** Only referrals waiting for an admin's review. */
  flaggedOnly?: boolean;
  /** Part of the referrer's or the friend's email (invited address or account), case-insensitively. */
  email?: string;
  referrerUserId?: number;
  referredUserId?: number;
}

export interface ListReferralsOptions extends ReferralListFilters {
  limit: number;
  offset: number;
}

/** The referrer's and the friend's accounts, as the list's joins (and its filters) name them. */
export const referrers = alias(users, "referrers");
export const friends = alias(users, "friends");

function selectReferralRows(db: Db) {
  return db
    .select({
      id: referrals.id,
      status: referrals.status,
      source: referrals.source,
      review: referrals.review,
      flags: referrals.flags,
      errorReason: referrals.errorReason,
      rewardCapped: referrals.rewardCapped,
      trigger: referrals.trigger,
      triggeredAt: referrals.triggeredAt,
      referrerUserId: referrals.referrerUserId,
      referrerEmail: referrers.email,
      referredEmail: referrals.referredEmail,
      referredName: referrals.referredName,
      referredUserId: referrals.referredUserId,
      friendEmail: friends.email,
      programId: referrals.programId,
      programName: referralPrograms.name,
      expiresAt: referrals.expiresAt,
      completedAt: referrals.completedAt,
      /** Its rewards' statuses (held, granted, clawed_back), in the order they were earned. */
      rewardStatuses: sql<
        string[]
      >`(select coalesce(array_agg(${referralRewards.status} order by ${referralRewards.id}), '{}') from ${referralRewards} where ${referralRewards.referralId} = ${referrals.id})`,
      reviewedAt: referrals.reviewedAt,
      createdAt: referrals.createdAt,
    })
    .from(referrals)
    .innerJoin(referrers, eq(referrers.id, referrals.referrerUserId))
    .leftJoin(friends, eq(friends.id, referrals.referredUserId))
    .innerJoin(referralPrograms, eq(referralPrograms.id, referrals.programId))
    .$dynamic();
}

export type ReferralRow = Awaited<
  ReturnType<ReturnType<typeof selectReferralRows>["execute"]>
>[number];

const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The where clause of the referrals list's filters, over selectReferralRows' joins (shared with the CSV export, so
 * both list the same rows).
 */
export function referralListWhere(filters: ReferralListFilters): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filters.status) conditions.push(eq(referrals.status, filters.status));
  if (filters.programId !== undefined) conditions.push(eq(referrals.programId, filters.programId));
  if (filters.flaggedOnly) conditions.push(eq(referrals.review, "flagged"));
  if (filters.referrerUserId !== undefined)
    conditions.push(eq(referrals.referrerUserId, filters.referrerUserId));
  if (filters.referredUserId !== undefined)
    conditions.push(eq(referrals.referredUserId, filters.referredUserId));
  const term = filters.email?.trim();
  if (term) {
    const pattern = likePattern(term);
    conditions.push(
      or(
        ilike(referrers.email, pattern),
        ilike(referrals.referredEmail, pattern),
        ilike(friends.email, pattern),
      ),
    );
  }
  return and(...conditions);
}

/** A page of referrals, newest first, with their referrer, friend and program, and the total matching the filters. */
export async function listReferrals(
  db: Db,
  options: ListReferralsOptions,
): Promise<{ rows: ReferralRow[]; total: number }> {
  const where = referralListWhere(options);
  const [rows, [totals]] = await Promise.all([
    selectReferralRows(db)
      .where(where)
      .orderBy(desc(referrals.createdAt), desc(referrals.id))
      .limit(options.limit)
      .offset(options.offset),
    db
      .select({ total: count() })
      .from(referrals)
      .innerJoin(referrers, eq(referrers.id, referrals.referrerUserId))
      .leftJoin(friends, eq(friends.id, referrals.referredUserId))
      .where(where),
  ]);
  return { rows, total: totals?.total ?? 0 };
}

/** One referral with its referrer, friend and program; null when there is none. */
export async function findReferralRow(db: Db, referralId: number): Promise<ReferralRow | null> {
  const [row] = await selectReferralRows(db).where(eq(referrals.id, referralId));
  return row ?? null;
}
