import { DAY_MS } from "@/lib/clock";
import { divideRounded } from "@/lib/money";
import type { UpgradeMethod, ParsedUpgradeOptionConfig } from "./option-config";
import type { UpgradeResult, UpgradeTarget } from "./offer-types";

/**
 * The four upgraders of design.md "Upgrades" as pure functions: inputs in, an offer or the reason it is not offered
 * out. All money is exact: prices are kept as fractions of cents (BigInt numerator/denominator) until one final
 * rounding, half away from zero (lib/money.ts).
 */

/** Under this many whole days left, a recurrent upgrade is free (the next renewal charges the new price). */
export const MIN_PAID_RECURRENT_DAYS = 5;
/** A shortened subscription must run at least this long; under it the customer pays to extend instead. */
export const MIN_SHORT_DAYS = 14;
/** A recurrent payment whose card expires within this many days cannot carry an upgrade. */
export const RECURRENT_EXPIRY_MARGIN_DAYS = 31;
/** A charge is never below one cent (design.md: `max(…, 0.01)`). */
export const MIN_CHARGE_CENTS = 1;
/** `monthly_fix` is a raise per this many days. */
export const MONTHLY_FIX_DAYS = 31;

export interface UpgraderInput {
  now: Date;
  base: { startAt: Date; endAt: Date; typePriceCents: number };
  /** What the base payment paid for the subscription, in cents. */
  paidCents: number;
  /** The active recurrent payment paying the base subscription with the same type, when there is one. */
  recurrent: { expiresAt: Date | null } | null;
  target: Pick<UpgradeTarget, "lengthDays" | "priceCents">;
  config: Pick<ParsedUpgradeOptionConfig, "monthly_fix">;
}

export type UpgraderOutcome =
  { offered: true; result: UpgradeResult } | { offered: false; reason: string };

/** A price per target length as an exact fraction of cents: `num / den`. */
export interface TargetPrice {
  num: bigint;
  den: bigint;
}

/**
 * `Pt` for the formulas. With `monthly_fix F` the target's daily price is `base.price / Lt + F / 31`, so its price per
 * length is `(31·base.price + F·Lt) / 31`.
 */
export function targetPrice(input: {
  base: Pick<UpgraderInput["base"], "typePriceCents">;
  target: UpgraderInput["target"];
  config: UpgraderInput["config"];
}): TargetPrice {
  const fix = input.config.monthly_fix;
  if (fix === undefined) return { num: BigInt(input.target.priceCents), den: 1n };
  return {
    num:
      BigInt(MONTHLY_FIX_DAYS) * BigInt(input.base.typePriceCents) +
      BigInt(fix) * BigInt(input.target.lengthDays),
    den: BigInt(MONTHLY_FIX_DAYS),
  };
}

export function wholeDays(fromMs: number, toMs: number): number {
  return Math.max(0, Math.floor((toMs - fromMs) / DAY_MS));
}

/** The recurrent payment can carry an upgrade: it exists and its card does not expire within 31 days. */
export function recurrentUsable(input: Pick<UpgraderInput, "now" | "recurrent">): boolean {
  if (!input.recurrent) return false;
  const { expiresAt } = input.recurrent;
  return (
    expiresAt === null ||
    expiresAt.getTime() - input.now.getTime() >= RECURRENT_EXPIRY_MARGIN_DAYS * DAY_MS
  );
}

interface Derived {
  D: number;
  R: number;
  price: TargetPrice;
  Lt: bigint;
  paid: bigint;
  nowMs: number;
}

function derive(input: UpgraderInput): Derived | { reason: string } {
  const startMs = input.base.startAt.getTime();
  const endMs = input.base.endAt.getTime();
  const nowMs = input.now.getTime();
  if (endMs <= nowMs) return { reason: "The base subscription has ended." };
  const D = wholeDays(startMs, endMs);
  if (D < 1) return { reason: "The base subscription is shorter than a day." };
  const price = targetPrice(input);
  if (price.num <= 0n) return { reason: "The target costs nothing." };
  return {
    D,
    R: wholeDays(nowMs, endMs),
    price,
    Lt: BigInt(input.target.lengthDays),
    paid: BigInt(input.paidCents),
    nowMs,
  };
}

/** round(R · paid / D): the base subscription's remaining value. */
function creditOf(d: Derived): number {
  return divideRounded(BigInt(d.R) * d.paid, BigInt(d.D));
}

/** round(R · Pt / Lt): the target for the remaining days. */
function newPriceOf(d: Derived): number {
  return divideRounded(BigInt(d.R) * d.price.num, d.price.den * d.Lt);
}

/** What the renewal charges for the target: its price, or the fixed price with `monthly_fix`. */
function renewalPriceOf(d: Derived): number {
  return divideRounded(d.price.num, d.price.den);
}

function pricesEqual(input: UpgraderInput, d: Derived): boolean {
  return d.price.num === BigInt(input.base.typePriceCents) * d.price.den;
}

/**
 * `short`: from `from` the remaining value `(end − from)/day · paid/D` buys `ceil(value / (Pt/Lt) · 86400)` seconds of
 * the target. Computed as one exact fraction: seconds = ceil(ms · paid · den · Lt / (1000 · D · num)).
 * Also used to shorten the subscriptions that follow an upgraded one (subsequent upgrades).
 */
export function shortenedSeconds(params: {
  from: Date;
  end: Date;
  paidCents: number;
  wholeDays: number;
  price: TargetPrice;
  targetLengthDays: number;
}): { seconds: number; valueCents: number } {
  const ms = BigInt(Math.max(0, params.end.getTime() - params.from.getTime()));
  const paid = BigInt(params.paidCents);
  const numerator = ms * paid * params.price.den * BigInt(params.targetLengthDays);
  const denominator = 1000n * BigInt(params.wholeDays) * params.price.num;
  const seconds = Number((numerator + denominator - 1n) / denominator);
  const valueCents = divideRounded(ms * paid, BigInt(DAY_MS) * BigInt(params.wholeDays));
  return { seconds, valueCents };
}

function shortOf(
  input: UpgraderInput,
  d: Derived,
): { fromMs: number; seconds: number; valueCents: number } {
  const fromMs = Math.max(d.nowMs, input.base.startAt.getTime());
  const { seconds, valueCents } = shortenedSeconds({
    from: new Date(fromMs),
    end: input.base.endAt,
    paidCents: input.paidCents,
    wholeDays: d.D,
    price: d.price,
    targetLengthDays: input.target.lengthDays,
  });
  return { fromMs, seconds, valueCents };
}

export function paidRecurrent(input: UpgraderInput): UpgraderOutcome {
  const d = derive(input);
  if ("reason" in d) return { offered: false, reason: d.reason };
  if (!recurrentUsable(input))
    return { offered: false, reason: "No active recurrent payment that runs 31 more days." };
  if (d.R < MIN_PAID_RECURRENT_DAYS)
    return { offered: false, reason: `Fewer than ${MIN_PAID_RECURRENT_DAYS} days left.` };
  if (pricesEqual(input, d))
    return { offered: false, reason: "The target costs the same as the base." };
  const creditCents = creditOf(d);
  const chargeCents = Math.max(newPriceOf(d) - creditCents, MIN_CHARGE_CENTS);
  return {
    offered: true,
    result: {
      type: "paid_recurrent",
      chargeCents,
      creditCents,
      startAt: input.now,
      endAt: input.base.endAt,
      baseEndsAt: input.now,
      recurrentPriceCents: renewalPriceOf(d),
      profitability: chargeCents,
    },
  };
}

export function freeRecurrent(input: UpgraderInput): UpgraderOutcome {
  const d = derive(input);
  if ("reason" in d) return { offered: false, reason: d.reason };
  if (!recurrentUsable(input))
    return { offered: false, reason: "No active recurrent payment that runs 31 more days." };
  if (d.R >= MIN_PAID_RECURRENT_DAYS && !pricesEqual(input, d)) {
    return {
      offered: false,
      reason: `${MIN_PAID_RECURRENT_DAYS} or more days left at a different price: the upgrade is paid.`,
    };
  }
  const recurrentPriceCents = renewalPriceOf(d);
  return {
    offered: true,
    result: {
      type: "free_recurrent",
      chargeCents: 0,
      creditCents: 0,
      startAt: input.now,
      endAt: input.base.endAt,
      baseEndsAt: input.now,
      recurrentPriceCents,
      profitability: recurrentPriceCents,
    },
  };
}

export function short(input: UpgraderInput): UpgraderOutcome {
  const d = derive(input);
  if ("reason" in d) return { offered: false, reason: d.reason };
  // design.md: only without an active recurrent payment (one whose card expires soon still renews the old type).
  if (input.recurrent !== null)
    return {
      offered: false,
      reason: "Renewed by a recurrent payment: a recurrent upgrade applies.",
    };
  const { fromMs, seconds, valueCents } = shortOf(input, d);
  if (seconds < MIN_SHORT_DAYS * 86_400)
    return { offered: false, reason: `The result would be shorter than ${MIN_SHORT_DAYS} days.` };
  return {
    offered: true,
    result: {
      type: "short",
      chargeCents: 0,
      creditCents: valueCents,
      startAt: new Date(fromMs),
      endAt: new Date(fromMs + seconds * 1000),
      baseEndsAt: new Date(fromMs),
      recurrentPriceCents: null,
      // Fewer days given for the same value is better for the business.
      profitability: -seconds,
    },
  };
}

export function paidExtend(input: UpgraderInput): UpgraderOutcome {
  const d = derive(input);
  if ("reason" in d) return { offered: false, reason: d.reason };
  // design.md: only without an active recurrent payment (one whose card expires soon still renews the old type).
  if (input.recurrent !== null)
    return {
      offered: false,
      reason: "Renewed by a recurrent payment: a recurrent upgrade applies.",
    };
  if (shortOf(input, d).seconds >= MIN_SHORT_DAYS * 86_400) {
    return {
      offered: false,
      reason: `A shortened subscription would run ${MIN_SHORT_DAYS} days or more: short applies.`,
    };
  }
  const creditCents = creditOf(d);
  const chargeCents = Math.max(renewalPriceOf(d) - creditCents, MIN_CHARGE_CENTS);
  return {
    offered: true,
    result: {
      type: "paid_extend",
      chargeCents,
      creditCents,
      startAt: input.now,
      endAt: new Date(d.nowMs + input.target.lengthDays * DAY_MS),
      baseEndsAt: input.now,
      recurrentPriceCents: null,
      profitability: chargeCents,
    },
  };
}

export const UPGRADERS: Record<UpgradeMethod, (input: UpgraderInput) => UpgraderOutcome> = {
  paid_recurrent: paidRecurrent,
  free_recurrent: freeRecurrent,
  paid_extend: paidExtend,
  short,
};
