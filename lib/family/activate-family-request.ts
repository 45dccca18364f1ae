import "server-only";
import { and, eq } from "drizzle-orm";
import type { AdminActor, CustomerActor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { lockUsers } from "@/lib/db/lock-order";
import {
  familyRequests,
  familySubscriptionTypes,
  subscriptions,
  subscriptionTypes,
  type FamilyRequest,
  type Subscription,
} from "@/lib/db/schema";
import { AppError, conflict, invalid, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { contentAccessCodesOf } from "@/lib/subscriptions/content-access-codes-sql";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { childDates } from "./child-dates";
import { FAMILY_CODE_PATTERN } from "./family-code";

export type ActivateFamilyRequestOptions =
  /** The customer activates a code for themselves. */
  | { code: string; actor: CustomerActor }
  /** An admin places the account `userId`, past the one-per-user and self-use checks. */
  | { code: string; actor: AdminActor; userId: number };

export interface ActivatedFamilyRequest {
  request: FamilyRequest;
  subscription: Subscription;
  subscriptionTypeCode: string;
  access: string[];
}

/**
 * Activate a family code for a user, in one transaction that locks the request row: of many concurrent activations
 * of one code exactly one finds it `created`; the others wait and then see it `accepted` (409). A user holding a
 * child of the same master subscription is refused (checked under the user's row lock, so two codes activated at
 * once by one user cannot both pass). An admin skips the one-per-user and self-use checks.
 */
export async function activateFamilyRequest(
  db: Db,
  options: ActivateFamilyRequestOptions,
): Promise<ActivatedFamilyRequest> {
  const byAdmin = options.actor.kind === "admin";
  const userId = "userId" in options ? options.userId : options.actor.userId;
  const code = options.code.trim().toLowerCase();
  if (!FAMILY_CODE_PATTERN.test(code))
    throw notFound("family_request_not_found", "No family code like that exists.");
  return db.transaction(async (tx) => {
    const [seen] = await tx
      .select({
        masterSubscriptionId: familyRequests.masterSubscriptionId,
        masterUserId: familyRequests.masterUserId,
      })
      .from(familyRequests)
      .where(eq(familyRequests.code, code));
    if (!seen) throw notFound("family_request_not_found", "No family code like that exists.");
    // lib/db/LOCK-ORDER.md: both people first (the new member's subscriptions change, the master's request does), then
    // the master subscription (shared: a concurrent stop of the master waits for this activation), then the request.
    await lockUsers(tx, [userId, seen.masterUserId]);
    const [master] = await tx
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, seen.masterSubscriptionId))
      .for("share");
    const [request] = await tx
      .select()
      .from(familyRequests)
      .where(eq(familyRequests.code, code))
      .for("no key update");
    if (!request) throw notFound("family_request_not_found", "No family code like that exists.");
    if (request.status !== "created") {
      throw conflict(
        "family_request_wrong_status",
        request.status === "accepted"
          ? "This code has already been used."
          : "This code was canceled.",
      );
    }
    const at = now();
    if (
      !master ||
      master.endAt.getTime() <= at.getTime() ||
      (request.expiresAt && request.expiresAt.getTime() <= at.getTime())
    ) {
      throw invalid(
        "family_request_expired",
        "This code has expired: the family subscription it comes from has ended.",
      );
    }
    const [familyType] = await tx
      .select()
      .from(familySubscriptionTypes)
      .where(eq(familySubscriptionTypes.masterSubscriptionTypeId, master.subscriptionTypeId));
    if (!byAdmin) {
      if (userId === request.masterUserId && !familyType?.allowSelfUse) {
        throw invalid(
          "family_request_self_use_forbidden",
          "You cannot use a code from your own family subscription.",
        );
      }
      const [held] = await tx
        .select({ id: familyRequests.id })
        .from(familyRequests)
        .where(
          and(
            eq(familyRequests.masterSubscriptionId, master.id),
            eq(familyRequests.childUserId, userId),
            eq(familyRequests.status, "accepted"),
          ),
        )
        .limit(1);
      if (held)
        throw invalid(
          "family_request_one_per_user",
          "You already have a subscription from this family.",
        );
    }
    const dates = childDates(familyType ?? null, master, at);
    if (!dates)
      throw invalid(
        "family_request_expired",
        "This code has expired: its fixed end date has passed.",
      );

    const subscription = await createSubscription(tx, {
      userId,
      subscriptionTypeId: request.subscriptionTypeId,
      startAt: dates.startAt,
      endAt: dates.endAt,
      kind: "family",
      isPaid: familyType?.isPaid ?? false,
      note: `Family code from subscription ${master.id}`,
    });
    const [accepted] = await tx
      .update(familyRequests)
      .set({
        status: "accepted",
        childUserId: userId,
        childSubscriptionId: subscription.id,
        acceptedAt: at,
        updatedAt: at,
      })
      .where(eq(familyRequests.id, request.id))
      .returning();
    if (!accepted)
      throw new AppError(
        "family_request_wrong_status",
        "The code changed while it was activated.",
        409,
      );
    const [type] = await tx
      .select({ code: subscriptionTypes.code, access: contentAccessCodesOf(subscriptionTypes.id) })
      .from(subscriptionTypes)
      .where(eq(subscriptionTypes.id, request.subscriptionTypeId));
    await recordEvent(tx, {
      name: "family.request_accepted",
      userId,
      payload: {
        request_id: accepted.id,
        code: accepted.code,
        master_user_id: accepted.masterUserId,
        master_subscription_id: master.id,
        subscription_id: subscription.id,
        subscription_type_code: type?.code ?? null,
        by_admin: byAdmin,
      },
    });
    return {
      request: accepted,
      subscription,
      subscriptionTypeCode: type?.code ?? "",
      access: type?.access ?? [],
    };
  });
}
