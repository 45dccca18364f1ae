import "server-only";
import { and, eq } from "drizzle-orm";
import { actorUserId, type AdminActor, type SystemActor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { referralRewards, referrals, type Referral } from "@/lib/db/schema";
import { conflict, notFound } from "@/lib/errors";
import { grantAndComplete, triggerPaymentStillPaid } from "./complete-referral";
import { lockReferralPeople } from "./lock-referral-people";
import { findProgram } from "./referral-rules";
import { releaseReferralRewards } from "./rewards/release-held-rewards";

/** Its people, then the referral (lib/db/LOCK-ORDER.md): approving or retrying grants them rewards. */
async function lockReferral(tx: Db, referralId: number): Promise<Referral> {
  const byId = eq(referrals.id, referralId);
  await lockReferralPeople(tx, byId);
  const [referral] = await tx.select().from(referrals).where(byId).for("no key update");
  if (!referral) throw notFound("referral_not_found", "No such referral.");
  return referral;
}

async function reload(tx: Db, referralId: number): Promise<Referral> {
  const [referral] = await tx.select().from(referrals).where(eq(referrals.id, referralId));
  if (!referral) throw new Error("referral vanished inside its transaction");
  return referral;
}

/** Who may review: an admin (recorded as the reviewer) or an API token, which acts for no person (no reviewer). */
type Reviewer = AdminActor | SystemActor;

/**
 * An admin clears a flagged referral. If its trigger already fired it completes now (rewards granted, or `error`);
 * otherwise it goes on waiting for the trigger like any other.
 */
export async function approveReferral(
  db: Db,
  options: { referralId: number; actor: Reviewer },
): Promise<Referral> {
  return db.transaction(async (tx) => {
    const referral = await lockReferral(tx, options.referralId);
    if (referral.review !== "flagged" || referral.status !== "pending") {
      throw conflict(
        "referral_not_flagged",
        "Only a pending referral waiting for review can be approved.",
      );
    }
    const at = now();
    await tx
      .update(referrals)
      .set({
        review: "approved",
        reviewedByUserId: actorUserId(options.actor),
        reviewedAt: at,
        updatedAt: at,
      })
      .where(eq(referrals.id, referral.id));
    const program = await findProgram(tx, referral.programId);
    // Refunded since it fired, the payment completes nothing: the approved referral waits for another firing.
    if (
      referral.triggeredAt &&
      program &&
      (await triggerPaymentStillPaid(tx, referral.triggerPaymentId))
    )
      await grantAndComplete(tx, { ...referral, review: "approved" }, program);
    return reload(tx, referral.id);
  });
}

/** An admin refuses a flagged referral: it is `rejected` and never rewarded. */
export async function rejectReferral(
  db: Db,
  options: { referralId: number; actor: Reviewer },
): Promise<Referral> {
  return db.transaction(async (tx) => {
    const referral = await lockReferral(tx, options.referralId);
    if (referral.review !== "flagged" || referral.status !== "pending") {
      throw conflict(
        "referral_not_flagged",
        "Only a pending referral waiting for review can be rejected.",
      );
    }
    const at = now();
    const [rejected] = await tx
      .update(referrals)
      .set({
        status: "rejected",
        review: "rejected",
        reviewedByUserId: actorUserId(options.actor),
        reviewedAt: at,
        updatedAt: at,
      })
      .where(eq(referrals.id, referral.id))
      .returning();
    return rejected ?? referral;
  });
}

/**
 * An admin grants the rewards of a referral that failed again (say after adding the missing subscription type). A
 * referral whose held rewards failed when they were released is retried through the release, which takes its locks
 * people, then payment (and takes the rewards back if the payment was refunded meanwhile).
 */
export async function retryReferral(db: Db, options: { referralId: number }): Promise<Referral> {
  return db.transaction(async (tx) => {
    const [held] = await tx
      .select({ id: referralRewards.id })
      .from(referralRewards)
      .where(
        and(eq(referralRewards.referralId, options.referralId), eq(referralRewards.status, "held")),
      )
      .limit(1);
    if (held) {
      const outcome = await releaseReferralRewards(tx, options.referralId, { retry: true });
      if (outcome === "skipped")
        throw conflict(
          "referral_not_failed",
          "Only a referral whose reward failed can be retried.",
        );
      return reload(tx, options.referralId);
    }
    const referral = await lockReferral(tx, options.referralId);
    if (referral.status !== "error")
      throw conflict("referral_not_failed", "Only a referral whose reward failed can be retried.");
    const program = await findProgram(tx, referral.programId);
    if (!program) throw notFound("referral_program_missing", "The referral's program is gone.");
    if (!(await triggerPaymentStillPaid(tx, referral.triggerPaymentId)))
      throw conflict(
        "referral_payment_refunded",
        "The payment that completed this referral was refunded; there is nothing to reward.",
      );
    await grantAndComplete(tx, referral, program);
    return reload(tx, referral.id);
  });
}
