import { describe, expect, it } from "vitest";
import { DOMAIN_EVENT_CATALOG, type EventPayload, eventPayloadSchema } from "@/lib/events/catalog";
import { DOMAIN_EVENT_NAMES, type DomainEventName } from "@/lib/events/event-names";
import { parseEventData } from "@/lib/events/parse-event-data";

const at = "2026-09-01T00:00:00.000Z";
const lifecycle = {
  subscription_id: 3,
  subscription_type_id: 2,
  subscription_type_code: "web_month",
  kind: "regular",
  is_paid: true,
  start_at: at,
  end_at: at,
} as const;

/** One payload per event, shaped as its sender records it (typed: a sample that drifts from the catalog does not compile). */
const SAMPLES: { [N in DomainEventName]: EventPayload<N> } = {
  "user.created": { user_id: 1, email: "jane@example.com", source: "api" },
  "user.signed_in": { first: true },
  "subscription.created": { ...lifecycle, subscription_type_code: "web_month", payment_id: null },
  "subscription.started": lifecycle,
  "subscription.ended": { ...lifecycle, subscription_type_code: null },
  "payment.paid": {
    payment_id: 5,
    amount_cents: 499,
    gateway: "demo",
    recurrent: false,
    subscription_id: 3,
    subscription_type_id: 2,
  },
  "payment.action_required": {
    payment_id: 5,
    amount_cents: 499,
    gateway: "stripe",
    action: "confirm",
  },
  "recurrent_payment.renewed": {
    recurrent_payment_id: 7,
    next_recurrent_payment_id: 8,
    payment_id: 9,
    subscription_id: null,
    amount_cents: 499,
  },
  "recurrent_payment.state_changed": {
    recurrent_payment_id: 7,
    state: "charge_failed",
    previous_state: "active",
    reason: "card_declined",
  },
  "goal.completed": { goal_code: "profile", goal_id: 4, source: "api" },
  "family.request_accepted": {
    request_id: 1,
    code: "FAM-1",
    master_user_id: 2,
    master_subscription_id: 3,
    subscription_id: 4,
    renewal_of_request_id: 1,
  },
  "upgrade.completed": {
    upgrade_id: 1,
    type: "paid_recurrent",
    base_subscription_id: 2,
    subscription_id: 3,
    subscription_type_id: 4,
    subscription_type_code: "web_year",
    payment_id: 5,
    charge_cents: 1000,
    credit_cents: 200,
  },
  "referral.invited": { referral_id: 1 },
  "referral.completed": {
    referral_id: 1,
    program_id: 2,
    referred_user_id: 3,
    trigger: "sign_up",
    reward_capped: false,
  },
  "scenario.test": { payment_id: 5, note: "anything" },
};

describe("the domain event catalog", () => {
  it("has an entry, with a label and a description, for every domain event name and no other", () => {
    expect(Object.keys(DOMAIN_EVENT_CATALOG).sort()).toEqual([...DOMAIN_EVENT_NAMES].sort());
    for (const name of DOMAIN_EVENT_NAMES) {
      expect(DOMAIN_EVENT_CATALOG[name].label, name).not.toBe("");
      expect(DOMAIN_EVENT_CATALOG[name].description, name).not.toBe("");
    }
  });

  it.each(DOMAIN_EVENT_NAMES)("accepts a %s payload as its sender records it", (name) => {
    expect(eventPayloadSchema(name).parse(SAMPLES[name])).toEqual(SAMPLES[name]);
  });

  it.each(DOMAIN_EVENT_NAMES.filter((name) => name !== "scenario.test"))(
    "refuses a %s payload missing a field",
    (name) => {
      const payload: Record<string, unknown> = { ...SAMPLES[name] };
      delete payload[Object.keys(payload)[0]!];
      expect(eventPayloadSchema(name).safeParse(payload).success).toBe(false);
    },
  );

  it.each([
    ["a string id", "payment.paid", { payment_id: "5" }],
    ["a zero id", "referral.invited", { referral_id: 0 }],
    ["fractional cents", "payment.paid", { amount_cents: 4.99 }],
    ["a date that is not an ISO timestamp", "subscription.started", { start_at: "1 Sep 2026" }],
    ["an unknown subscription kind", "subscription.ended", { kind: "trial" }],
    ["an unknown recurrent state", "recurrent_payment.state_changed", { state: "paused" }],
  ] as const)("refuses %s", (_label, name, patch) => {
    expect(eventPayloadSchema(name).safeParse({ ...SAMPLES[name], ...patch }).success).toBe(false);
  });

  it("types payloads by name, so a sender's wrong payload does not compile", () => {
    // @ts-expect-error payment_id is a number
    const wrong: EventPayload<"payment.paid"> = { ...SAMPLES["payment.paid"], payment_id: "5" };
    expect(eventPayloadSchema("payment.paid").safeParse(wrong).success).toBe(false);
  });

  it("takes any JSON object as a custom event's payload, and nothing else", () => {
    expect(
      eventPayloadSchema("custom.newsletter_opened").parse({ issue: 12, tags: ["a"] }),
    ).toEqual({ issue: 12, tags: ["a"] });
    expect(eventPayloadSchema("custom.newsletter_opened").safeParse(["a"]).success).toBe(false);
  });
});

describe("parseEventData", () => {
  it("reads a delivered event: the payload and the user_id the outbox adds", () => {
    expect(parseEventData("referral.invited", { referral_id: 1, user_id: 9 })).toEqual({
      referral_id: 1,
      user_id: 9,
    });
  });

  it("refuses delivered data without its user or with a payload that does not match", () => {
    expect(() => parseEventData("referral.invited", { referral_id: 1 })).toThrow();
    expect(() =>
      parseEventData("payment.action_required", {
        ...SAMPLES["payment.action_required"],
        action: "redirect",
        user_id: 9,
      }),
    ).toThrow();
  });
});
