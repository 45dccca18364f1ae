/** Domain events (design.md "Subscription core"). UI-safe: no server imports. */
export const DOMAIN_EVENT_NAMES = [
  "user.created",
  "user.signed_in",
  "subscription.created",
  "subscription.started",
  "subscription.ended",
  "payment.paid",
  "payment.action_required",
  "recurrent_payment.renewed",
  "recurrent_payment.state_changed",
  "goal.completed",
  "family.request_accepted",
  "upgrade.completed",
  "referral.invited",
  "referral.completed",
  "scenario.test",
] as const;

export type DomainEventName = (typeof DOMAIN_EVENT_NAMES)[number];
/** An event sent through the events API or the emit-event action; its payload is free-form. */
export type CustomEventName = `custom.${string}`;
export type EventName = DomainEventName | CustomEventName;

export const CUSTOM_EVENT_PATTERN = /^custom\.[a-z0-9][a-z0-9_.-]{0,99}$/;
