import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/define-operation";
import { centsSchema, timestampSchema } from "@/lib/api/response-schemas";
import { paymentSchema } from "@/lib/payments/payment-json";
import { subscriptionSchema } from "@/lib/subscriptions/subscription-json";
import { idempotencyKeySchema } from "@/lib/api/idempotency";
import { subscriptionUpgrades } from "@/lib/db/schema";
import { codeSchema } from "@/lib/subscriptions/schemas";
import { NO_UPGRADE_REASON_MESSAGES, type NoUpgradeReason } from "@/lib/upgrades/offer-types";
import { parseTagsParam, UPGRADE_TYPES, upgradeTagSchema } from "@/lib/upgrades/option-config";

const MAX_TAGS = 10;

const tagsListSchema = z.array(upgradeTagSchema).max(MAX_TAGS);

export const listUpgradesQuerySchema = z.strictObject({
  content: codeSchema
    .optional()
    .meta({ description: "Only upgrades that add this content access code." }),
  tags: z
    .string()
    .max(600)
    .optional()
    .transform((value) => parseTagsParam(value))
    .pipe(tagsListSchema)
    .meta({
      description:
        "Comma-separated special-offer tags (`spring,print`); options requiring tags need exactly these.",
    }),
});

const upgradeMethodSchema = z.enum(UPGRADE_TYPES).meta({
  description:
    "`paid_recurrent` charges the stored card now; `free_recurrent` charges the new price at the next " +
    "renewal; `paid_extend` needs a payment (see `checkout_url`); `short` trades the remaining value for fewer days.",
});

export const upgradeOfferSchema = z
  .object({
    type: upgradeMethodSchema,
    subscription_type_code: z
      .string()
      .meta({ description: "The subscription type the upgrade moves to." }),
    charge_cents: centsSchema.meta({
      description: "Charged for the upgrade (0 for free_recurrent and short).",
    }),
    credit_cents: centsSchema.meta({
      description: "The running subscription's remaining value, credited.",
    }),
    start_at: timestampSchema,
    end_at: timestampSchema,
    recurrent_price_cents: centsSchema.optional().meta({
      description: "What each renewal charges after the upgrade; only for the recurrent methods.",
    }),
  })
  .meta({ id: "UpgradeOffer" });

const reasonCodes = Object.keys(NO_UPGRADE_REASON_MESSAGES) as [
  NoUpgradeReason,
  ...NoUpgradeReason[],
];

export const upgradeListSchema = z
  .object({
    upgrades: z.array(upgradeOfferSchema),
    reason: z.enum(reasonCodes).nullable().meta({
      description: "Why nothing is offered (set when `upgrades` is empty), e.g. `no_subscription`.",
    }),
  })
  .meta({ id: "UpgradeList" });

export const applyUpgradeBodySchema = z
  .strictObject({
    type: upgradeMethodSchema,
    subscription_type_code: codeSchema.meta({
      description: "The offer's `subscription_type_code`.",
    }),
    idempotency_key: idempotencyKeySchema,
    tags: tagsListSchema
      .optional()
      .meta({ description: "The tags the offer was listed with, if any." }),
    content: codeSchema
      .nullable()
      .optional()
      .meta({ description: "The content filter the offer was listed with." }),
    expected_charge_cents: z.number().int().min(0).max(100_000_000).optional().meta({
      description:
        "The charge shown to the customer; a different current charge is `upgrade_offer_changed`.",
    }),
  })
  .meta({ id: "ApplyUpgradeRequest" });

export const appliedUpgradeSchema = z
  .object({
    id: z.number().int(),
    type: upgradeMethodSchema,
    status: z
      .enum(subscriptionUpgrades.status.enumValues)
      .meta({ description: "`pending` until a paid_extend is paid." }),
    charge_cents: centsSchema,
    credit_cents: centsSchema,
    base_subscription_id: z.number().int(),
    subscription_type_code: z.string(),
  })
  .meta({ id: "SubscriptionUpgrade" });

export const applyUpgradeResponseSchema = z
  .object({
    upgrade: appliedUpgradeSchema,
    subscription: subscriptionSchema
      .nullable()
      .meta({ description: "The new subscription; null while pending." }),
    payment: paymentSchema
      .nullable()
      .meta({ description: "The payment charged, or to pay for a paid_extend." }),
    checkout_url: z.string().nullable().meta({
      description:
        "Where the customer pays a pending paid_extend (a path on this site); null otherwise.",
    }),
  })
  .meta({ id: "ApplyUpgradeResponse" });

export const listUpgradesOperation = defineOperation({
  operationId: "listUpgrades",
  summary: "The signed-in user's upgrade offers",
  description:
    "Upgrades of the user's running subscription, best first. When there is none, `reason` says why " +
    "(no subscription, no payment, no upgrade schema, …).",
  tags: ["Upgrades"],
  auth: { token: "user" },
  query: listUpgradesQuerySchema,
  responses: { "200": { description: "The offers.", content: jsonContent(upgradeListSchema) } },
});

export const applyUpgradeOperation = defineOperation({
  operationId: "applyUpgrade",
  summary: "Apply an upgrade offer",
  description:
    "Performs the offer of this `type` and `subscription_type_code`. `paid_recurrent` charges the stored card at " +
    "once; `paid_extend` creates a payment the customer pays at `checkout_url`, after which the upgrade completes. " +
    "Sending the same `idempotency_key` again returns the first result with the header `Idempotent-Replayed: true`.",
  tags: ["Upgrades"],
  auth: { token: "user" },
  body: applyUpgradeBodySchema,
  responses: {
    "201": {
      description: "Applied (or pending payment).",
      content: jsonContent(applyUpgradeResponseSchema),
    },
  },
  errors: {
    400: ["upgrade_invalid"],
    402: ["payment_declined"],
    409: ["upgrade_not_available", "upgrade_offer_changed", "idempotency_key_reused"],
  },
});
