import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { lockUsers } from "@/lib/db/lock-order";
import {
  subscriptionTypes,
  subscriptionUpgrades,
  type Payment,
  type Subscription,
  type SubscriptionUpgrade,
} from "@/lib/db/schema";
import { idempotencyKeySchema } from "@/lib/api/idempotency";
import { AppError, conflict, invalid, notFound } from "@/lib/errors";
import {
  absoluteCheckoutUrl,
  gatewayCurrency,
  loadGatewayCustomer,
} from "@/lib/payments/gateway-request-parts";
import { getGateway } from "@/lib/payments/gateways";
import type { GatewayOutcome } from "@/lib/payments/gateways/gateway";
import { settlePayment } from "@/lib/payments/settle-payment";
import { codeSchema } from "@/lib/subscriptions/schemas";
import { assertNoChargeInFlight } from "./assert-no-charge-in-flight";
import { loadUpgradeContext } from "./load-upgrade-context";
import { loadUpgradeParts } from "./load-upgrade-parts";
import { NO_UPGRADE_REASON_MESSAGES } from "./offer-types";
import { UPGRADE_TYPES, upgradeTagSchema, type UpgradeMethod } from "./option-config";
import { StaleOfferError } from "./record-upgrade";
import { selectOffers } from "./select-offers";
import { type UpgradeWrite, writeUpgradeOffer } from "./write-upgrade-offer";

export interface ApplyUpgradeOptions {
  userId: number;
  type: UpgradeMethod;
  targetCode: string;
  /** The client's key: a second request with it returns the first result instead of upgrading again. */
  idempotencyKey: string;
  tags?: readonly string[];
  content?: string | null;
  /** The charge the customer saw; when the recomputed offer differs, nothing is done (`upgrade_offer_changed`). */
  expectedChargeCents?: number;
}

export interface AppliedUpgrade {
  upgrade: SubscriptionUpgrade;
  /** The upgraded subscription; null while a paid_extend waits for its payment. */
  subscription: Subscription | null;
  /** The upgrade's payment: charged (paid_recurrent), to pay at checkout (paid_extend), or null. */
  payment: Payment | null;
  replayed: boolean;
}

const applyUpgradeSchema = z.object({
  userId: z.number().int().positive(),
  type: z.enum(UPGRADE_TYPES),
  targetCode: codeSchema,
  idempotencyKey: idempotencyKeySchema,
  tags: z.array(upgradeTagSchema).max(10).default([]),
  content: codeSchema.nullable().default(null),
  expectedChargeCents: z.number().int().min(0).optional(),
});

/**
 * Apply one offer, in one transaction. The user's row is locked first, so upgrades of one user run one at a time:
 * the same idempotency key finds the first upgrade, and a second offer on the same base finds the base ended. The
 * offer is recomputed at this moment (an offer seen before midnight is never applied with yesterday's numbers).
 *
 * `paid_recurrent` records the upgrade and its payment as pending, then — after the commit, never inside it —
 * charges the stored card, and settles: paid completes the upgrade, a decline fails the payment and changes nothing
 * else, no answer leaves both pending for reconciliation (the response then has a pending upgrade and payment).
 * `paid_extend` only creates the payment; paying it completes the upgrade (completePaidExtendUpgrade).
 */
export async function applyUpgrade(db: Db, options: ApplyUpgradeOptions): Promise<AppliedUpgrade> {
  const parsed = applyUpgradeSchema.safeParse(options);
  if (!parsed.success) {
    throw invalid(
      "upgrade_invalid",
      parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "),
    );
  }
  const input = parsed.data;
  let outcome: UpgradeWrite;
  try {
    outcome = await db.transaction(async (tx): Promise<UpgradeWrite> => {
      // lib/db/LOCK-ORDER.md: the user first, then the base, its payment and recurrent payment in table order.
      const [user] = await lockUsers(tx, [input.userId]);
      if (user === undefined) throw notFound("user_not_found", "No such user.");

      const [earlier] = await tx
        .select()
        .from(subscriptionUpgrades)
        .where(
          and(
            eq(subscriptionUpgrades.userId, input.userId),
            eq(subscriptionUpgrades.idempotencyKey, input.idempotencyKey),
          ),
        );
      if (earlier) return { kind: "applied", applied: await replay(tx, earlier, input) };
      await assertNoChargeInFlight(tx, input.userId);

      const loaded = await loadUpgradeContext(tx, { userId: input.userId, now: now() });
      const offers = loaded.context
        ? selectOffers(loaded.context, { tags: input.tags, content: input.content })
        : [];
      const offer = offers.find(
        (candidate) => candidate.type === input.type && candidate.target.code === input.targetCode,
      );
      if (!loaded.context || !offer) {
        const why = loaded.reason ? ` ${NO_UPGRADE_REASON_MESSAGES[loaded.reason]}` : "";
        throw conflict("upgrade_not_available", `That upgrade is not available now.${why}`);
      }
      if (
        input.expectedChargeCents !== undefined &&
        input.expectedChargeCents !== offer.chargeCents
      ) {
        throw new AppError(
          "upgrade_offer_changed",
          "The price of this upgrade changed since it was shown; review the new offer.",
          409,
          { offer },
        );
      }
      return writeUpgradeOffer(tx, loaded.context, offer, input.idempotencyKey);
    });
  } catch (error) {
    if (error instanceof StaleOfferError) throw conflict("upgrade_not_available", error.message);
    throw error;
  }
  if (outcome.kind === "applied") return outcome.applied;
  return chargeAndSettle(db, outcome);
}

/** Steps two and three of a paid_recurrent upgrade: the gateway charges the saved card, then the answer is settled. */
async function chargeAndSettle(
  db: Db,
  pending: Extract<UpgradeWrite, { kind: "charge" }>,
): Promise<AppliedUpgrade> {
  const { payment, charge } = pending;
  let answer: GatewayOutcome;
  try {
    answer = await getGateway(charge.gateway).chargeSavedCard(
      {
        paymentId: payment.id,
        idempotencyKey: charge.idempotencyKey,
        amountCents: payment.amountCents,
        currency: gatewayCurrency(),
        description: charge.description,
        customer: await loadGatewayCustomer(db, payment.userId),
        cardToken: charge.cardToken,
        confirmUrl: absoluteCheckoutUrl(payment.id),
      },
      { db },
    );
  } catch (error) {
    console.warn(
      `upgrade charge of payment ${payment.id} got no answer from the gateway; left for reconciliation`,
      error,
    );
    return { upgrade: pending.upgrade, subscription: null, payment, replayed: false };
  }
  const settled = await settlePayment(db, {
    paymentId: payment.id,
    outcome: answer,
    attempt: payment.chargeAttempt,
  });
  if (settled.status === "declined")
    throw new AppError("payment_declined", settled.reason, 402, { payment_id: payment.id });
  if (settled.status === "paid" && settled.subscription === null) {
    throw conflict(
      "upgrade_not_available",
      "Your subscription changed while the upgrade was being charged; the charge is refunded.",
    );
  }
  const [upgrade] = await db
    .select()
    .from(subscriptionUpgrades)
    .where(eq(subscriptionUpgrades.id, pending.upgrade.id));
  if (!upgrade)
    throw conflict("upgrade_not_available", "The upgrade could not be charged; nothing changed.");
  return { ...(await loadUpgradeParts(db, upgrade)), upgrade, replayed: false };
}

async function replay(
  tx: Db,
  earlier: SubscriptionUpgrade,
  input: z.output<typeof applyUpgradeSchema>,
): Promise<AppliedUpgrade> {
  const [target] = await tx
    .select({ code: subscriptionTypes.code })
    .from(subscriptionTypes)
    .where(eq(subscriptionTypes.id, earlier.targetSubscriptionTypeId));
  if (earlier.type !== input.type || target?.code !== input.targetCode) {
    throw conflict(
      "idempotency_key_reused",
      "This idempotency key was used for a different upgrade.",
    );
  }
  return { ...(await loadUpgradeParts(tx, earlier)), upgrade: earlier, replayed: true };
}
