import { TZDate } from "@date-fns/tz";
import type { EmailDeliverySettings } from "./delivery-settings";

/** Why an email was not sent: the recipient's choice or address (for good), or a limit (it may be sent later). */
export type SkipReason = "unsubscribed" | "suppressed" | "frequency_cap" | "quiet_hours";
export const SKIP_REASONS = [
  "unsubscribed",
  "suppressed",
  "frequency_cap",
  "quiet_hours",
] as const satisfies readonly SkipReason[];

export interface DeliveryFacts {
  transactional: boolean;
  /** The user's choice for the topic, else the topic's default (a recipient who is no user: true). */
  subscribed: boolean;
  suppressed: boolean;
  /** When the user's marketing mail of the last 7 days was sent, newest first. */
  recentSends: Date[];
  /** The user's zone, else the installation's. */
  timeZone: string;
  settings: EmailDeliverySettings;
}

export type DeliveryDecision =
  | { send: true }
  | { send: false; reason: "unsubscribed" | "suppressed"; allowedAt: null }
  | { send: false; reason: "frequency_cap" | "quiet_hours"; allowedAt: Date };

const DAY_MS = 86_400_000;

/**
 * Whether an email may go now. Transactional mail always goes. Otherwise a suppressed address or a left topic skips
 * it for good, and the frequency cap and quiet hours hold it until `allowedAt`: the first moment both allow it.
 */
export function decideDelivery(facts: DeliveryFacts, at: Date): DeliveryDecision {
  if (facts.transactional) return { send: true };
  if (facts.suppressed) return { send: false, reason: "suppressed", allowedAt: null };
  if (!facts.subscribed) return { send: false, reason: "unsubscribed", allowedAt: null };
  const capEnd = capAllowedAt(facts, at);
  const allowedAt = quietHoursEnd(facts.settings.quiet_hours, facts.timeZone, capEnd) ?? capEnd;
  if (allowedAt.getTime() <= at.getTime()) return { send: true };
  return {
    send: false,
    reason: capEnd.getTime() > at.getTime() ? "frequency_cap" : "quiet_hours",
    allowedAt,
  };
}

/** When the rolling windows next have room: the cap-th newest send in a window leaves it one window after it. */
function capAllowedAt(facts: DeliveryFacts, at: Date): Date {
  const { per_day: perDay, per_week: perWeek } = facts.settings.frequency_cap;
  let allowed = at.getTime();
  for (const [cap, windowMs] of [
    [perDay, DAY_MS],
    [perWeek, 7 * DAY_MS],
  ] as const) {
    if (cap === null) continue;
    const inWindow = facts.recentSends.filter((sent) => sent.getTime() > at.getTime() - windowMs);
    const oldestCounted = inWindow[cap - 1];
    if (oldestCounted) allowed = Math.max(allowed, oldestCounted.getTime() + windowMs);
  }
  return new Date(allowed);
}

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
const MINUTE_MS = 60_000;

type QuietHours = NonNullable<EmailDeliverySettings["quiet_hours"]>;

function isQuietAt(quiet: QuietHours, timeZone: string, at: number): boolean {
  const local = new TZDate(at, timeZone);
  const now = local.getHours() * 60 + local.getMinutes();
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** If `at` falls in the quiet hours of `timeZone`, the moment they end there; else null. */
export function quietHoursEnd(
  quiet: EmailDeliverySettings["quiet_hours"],
  timeZone: string,
  at: Date,
): Date | null {
  if (!quiet || !isQuietAt(quiet, timeZone, at.getTime())) return null;
  const end = minutesOf(quiet.end);
  // The end today, or tomorrow when it is past (a night that crosses midnight, seen before midnight).
  const ends = new TZDate(at.getTime(), timeZone);
  ends.setHours(Math.floor(end / 60), end % 60, 0, 0);
  if (ends.getTime() <= at.getTime()) ends.setDate(ends.getDate() + 1);
  let endsAt = ends.getTime();
  if (ends.getHours() * 60 + ends.getMinutes() !== end) {
    // The end falls in the hour a daylight saving change skips: the quiet hours ended when the clocks jumped past
    // it, up to an hour (at most a day) before the wall-clock time the calendar arithmetic lands on.
    for (let step = 0; step < 24 * 60 && !isQuietAt(quiet, timeZone, endsAt - MINUTE_MS); step++)
      endsAt -= MINUTE_MS;
  }
  return new Date(endsAt);
}
