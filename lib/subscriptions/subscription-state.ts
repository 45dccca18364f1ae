/** Where a subscription stands at a moment. UI-safe. Actual means start ≤ at < end. */
export type SubscriptionState = "actual" | "upcoming" | "ended";

export const SUBSCRIPTION_STATES: readonly SubscriptionState[] = ["actual", "upcoming", "ended"];

export function subscriptionState(startAt: Date, endAt: Date, at: Date): SubscriptionState {
  if (at.getTime() < startAt.getTime()) return "upcoming";
  return at.getTime() < endAt.getTime() ? "actual" : "ended";
}
