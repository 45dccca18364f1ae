/** What the admin forms need to offer a subscription type. UI-safe. */
export interface SubscriptionTypeOption {
  id: number;
  code: string;
  name: string;
  priceCents: number;
  lengthDays: number;
  active: boolean;
}
