import { z } from "zod";
import { recurrentState } from "@/lib/db/schema/payments";
import { subscriptionKind } from "@/lib/db/schema/subscriptions";
import { upgradeType } from "@/lib/db/schema/upgrades";
import { GOAL_COMPLETION_SOURCES } from "@/lib/goals/schemas";
import type { CustomEventName, DomainEventName, EventName } from "./event-names";

/**
 * Every domain event's payload, as its senders record it (recordEvent checks it) and its readers parse it (Inngest
 * functions, scenario triggers, the OpenAPI document). UI-safe: zod and the database's enum values only. The outbox
 * adds `user_id` (the event's user) when it delivers an event; it is not part of the recorded payload.
 */
export interface DomainEventDefinition {
  /** What the builder's event list shows. */
  label: string;
  description: string;
  payload: z.ZodType<Record<string, unknown>>;
  /** Offered as a scenario trigger: the builder lists it and the dispatcher starts runs on it. */
  scenarioTrigger: boolean;
}

const id = z.number().int().positive();
const cents = z.number().int().min(0);
const timestamp = z.iso.datetime();

/** Any JSON object: what an admin or a program chose to send. */
const freeFormPayload = z.record(z.string(), z.unknown());

const subscriptionLifecyclePayload = z.object({
  subscription_id: id,
  subscription_type_id: id,
  subscription_type_code: z.string().nullable(),
  kind: z.enum(subscriptionKind.enumValues),
  is_paid: z.boolean(),
  start_at: timestamp,
  end_at: timestamp,
});

const recurrentPaymentStatePayload = z.object({
  recurrent_payment_id: id,
  state: z.enum(recurrentState.enumValues),
  previous_state: z.enum(recurrentState.enumValues),
  reason: z.string().meta({
    description:
      "Who or what changed it: `user`, `admin`, `system`, `refund`, `dispute`, `replaced` (a purchase took over its content), or the decline code.",
  }),
  replaced_by_payment_id: id.optional().meta({
    description: "With `replaced`: the paid purchase whose subscription continues the access.",
  }),
});

export const DOMAIN_EVENT_CATALOG = {
  "user.created": {
    label: "User registered",
    description: "A user account was created (sign-up, admin or API).",
    payload: z.object({
      user_id: id,
      email: z.string(),
      source: z
        .string()
        .meta({ description: "Where the account came from; `unknown` when not said." }),
    }),
    scenarioTrigger: true,
  },
  "user.signed_in": {
    label: "User signed in",
    description: "A user signed in with their password.",
    payload: z.object({ first: z.boolean().meta({ description: "The user's first sign-in." }) }),
    scenarioTrigger: false,
  },
  "subscription.created": {
    label: "Subscription created",
    description: "A subscription was created (bought, given, upgraded…).",
    payload: z.object({
      subscription_id: id,
      subscription_type_id: id,
      subscription_type_code: z.string(),
      kind: z.enum(subscriptionKind.enumValues),
      is_paid: z.boolean(),
      payment_id: id.nullable(),
      start_at: timestamp,
      end_at: timestamp,
    }),
    scenarioTrigger: true,
  },
  "subscription.started": {
    label: "Subscription started",
    description: "A subscription became actual.",
    payload: subscriptionLifecyclePayload,
    scenarioTrigger: true,
  },
  "subscription.ended": {
    label: "Subscription ended",
    description: "A subscription's end passed.",
    payload: subscriptionLifecyclePayload,
    scenarioTrigger: true,
  },
  "payment.paid": {
    label: "Payment paid",
    description: "A payment turned paid.",
    payload: z.object({
      payment_id: id,
      amount_cents: cents,
      gateway: z.string(),
      recurrent: z
        .boolean()
        .meta({ description: "A renewal charge, or a payment that set up a renewal." }),
      subscription_id: id.nullable(),
      subscription_type_id: id.nullable(),
      upgrade_type: z
        .enum(upgradeType.enumValues)
        .optional()
        .meta({ description: "Set when the payment paid for an upgrade." }),
    }),
    scenarioTrigger: true,
  },
  "payment.action_required": {
    label: "Payment needs the customer",
    description: "A charge waits for the customer to confirm it (SCA).",
    payload: z.object({
      payment_id: id,
      amount_cents: cents,
      gateway: z.string(),
      action: z.literal("confirm"),
    }),
    scenarioTrigger: false,
  },
  "recurrent_payment.renewed": {
    label: "Recurrent payment renewed",
    description: "A stored card was charged for the next period.",
    payload: z.object({
      recurrent_payment_id: id,
      next_recurrent_payment_id: id,
      payment_id: id,
      subscription_id: id.nullable(),
      amount_cents: cents,
    }),
    scenarioTrigger: true,
  },
  "recurrent_payment.state_changed": {
    label: "Recurrent payment state changed",
    description: "A recurrent payment was stopped or its charge failed.",
    payload: recurrentPaymentStatePayload,
    scenarioTrigger: true,
  },
  "goal.completed": {
    label: "Goal completed",
    description: "The user completed an onboarding goal.",
    payload: z.object({
      goal_code: z.string(),
      goal_id: id,
      source: z.enum(GOAL_COMPLETION_SOURCES),
    }),
    scenarioTrigger: true,
  },
  "family.request_accepted": {
    label: "Family code activated",
    description: "A family code was activated.",
    payload: z.object({
      request_id: id,
      code: z.string(),
      master_user_id: id,
      master_subscription_id: id,
      subscription_id: id,
      subscription_type_code: z
        .string()
        .nullable()
        .optional()
        .meta({ description: "Set when a person activated the code." }),
      by_admin: z
        .boolean()
        .optional()
        .meta({ description: "Set when a person activated the code: an admin did, for the user." }),
      renewal_of_request_id: id
        .optional()
        .meta({ description: "Set when the master's renewal renewed an earlier request." }),
    }),
    scenarioTrigger: true,
  },
  "upgrade.completed": {
    label: "Upgrade completed",
    description: "The user upgraded a subscription.",
    payload: z.object({
      upgrade_id: id,
      type: z.enum(upgradeType.enumValues),
      base_subscription_id: id,
      subscription_id: id,
      subscription_type_id: id,
      subscription_type_code: z.string(),
      payment_id: id.nullable(),
      charge_cents: cents,
      credit_cents: cents,
    }),
    scenarioTrigger: true,
  },
  "referral.invited": {
    label: "Friend invited",
    description: "The user invited a friend by email.",
    payload: z.object({ referral_id: id }),
    scenarioTrigger: false,
  },
  "referral.completed": {
    label: "Referral completed",
    description:
      "A friend the user referred completed their referral (the user is the referrer; rewards are granted by then).",
    payload: z.object({
      referral_id: id,
      program_id: id,
      referred_user_id: id.nullable(),
      trigger: z
        .string()
        .nullable()
        .meta({ description: "The referral trigger that fired (`sign_up`, `first_payment`…)." }),
      reward_capped: z
        .boolean()
        .meta({ description: "The referrer was past the program's cap and got nothing for it." }),
    }),
    scenarioTrigger: true,
  },
  "scenario.test": {
    label: "Test event",
    description: "Fired by an admin for a chosen user, to try a scenario.",
    payload: freeFormPayload,
    scenarioTrigger: true,
  },
} as const satisfies Record<DomainEventName, DomainEventDefinition>;

type Catalog = typeof DOMAIN_EVENT_CATALOG;

/** A custom event's payload: any JSON object. */
const customEventPayloadSchema = freeFormPayload;

/** What an event of that name carries, as recorded. */
export type EventPayload<N extends EventName> = N extends DomainEventName
  ? z.infer<Catalog[N]["payload"]>
  : N extends CustomEventName
    ? z.infer<typeof customEventPayloadSchema>
    : never;

/** The payload schema of a domain or custom event. */
export function eventPayloadSchema<N extends EventName>(name: N): z.ZodType<EventPayload<N>> {
  const schema: z.ZodType<Record<string, unknown>> = Object.hasOwn(DOMAIN_EVENT_CATALOG, name)
    ? DOMAIN_EVENT_CATALOG[name as DomainEventName].payload
    : customEventPayloadSchema;
  // The catalog ties each name to its schema; TypeScript cannot follow that through a generic index.
  return schema as z.ZodType<EventPayload<N>>;
}
