import { describe, expect, it } from "vitest";
import { DAY_MS } from "@/lib/clock";
import {
  freeRecurrent,
  paidExtend,
  paidRecurrent,
  short,
  type UpgraderInput,
  type UpgraderOutcome,
} from "@/lib/upgrades/upgraders";

const NOW = new Date("2026-03-15T12:00:00Z");
const at = (ms: number) => new Date(NOW.getTime() + ms);

/** A base subscription of `lengthDays` with `leftMs` remaining, paid `paidCents`, type price `priceCents`. */
function input(options: {
  lengthDays?: number;
  leftMs: number;
  paidCents?: number;
  priceCents?: number;
  target?: { lengthDays: number; priceCents: number };
  recurrent?: { expiresAt: Date | null } | null;
  monthlyFix?: number;
}): UpgraderInput {
  const lengthDays = options.lengthDays ?? 31;
  const end = at(options.leftMs);
  return {
    now: NOW,
    base: {
      startAt: new Date(end.getTime() - lengthDays * DAY_MS),
      endAt: end,
      typePriceCents: options.priceCents ?? 500,
    },
    paidCents: options.paidCents ?? options.priceCents ?? 500,
    recurrent: options.recurrent === undefined ? null : options.recurrent,
    target: options.target ?? { lengthDays, priceCents: 1000 },
    config: options.monthlyFix === undefined ? {} : { monthly_fix: options.monthlyFix },
  };
}
const card = { expiresAt: null };

function offered(outcome: UpgraderOutcome) {
  if (!outcome.offered) throw new Error(`not offered: ${outcome.reason}`);
  return outcome.result;
}

describe("the worked example of design.md (base 5.00/31 days, target 10.00/31 days)", () => {
  it("30 days left, renewed by card: paid_recurrent charges 4.84 and ends the base now", () => {
    const result = offered(paidRecurrent(input({ leftMs: 30 * DAY_MS, recurrent: card })));
    expect(result).toMatchObject({ chargeCents: 484, creditCents: 484, recurrentPriceCents: 1000 });
    expect(result.startAt).toEqual(NOW);
    expect(result.baseEndsAt).toEqual(NOW);
    expect(result.endAt).toEqual(at(30 * DAY_MS));
  });

  it("30 days left, no card: short gives exactly 15 days", () => {
    const result = offered(short(input({ leftMs: 30 * DAY_MS })));
    expect(result.endAt.getTime() - result.startAt.getTime()).toBe(15 * DAY_MS);
    expect(result).toMatchObject({ chargeCents: 0, recurrentPriceCents: null });
    expect(paidExtend(input({ leftMs: 30 * DAY_MS })).offered).toBe(false);
  });

  it("10 days left, no card: short would give 5 days (not offered) and paid_extend charges 8.39", () => {
    expect(short(input({ leftMs: 10 * DAY_MS })).offered).toBe(false);
    const result = offered(paidExtend(input({ leftMs: 10 * DAY_MS })));
    expect(result).toMatchObject({ chargeCents: 839, creditCents: 161 });
    expect(result.endAt).toEqual(at(31 * DAY_MS));
  });
});

describe("paid_recurrent and free_recurrent", () => {
  it("365-day lengths use whole days of the year", () => {
    // credit round(364·4990/365) = 4976, new round(364·12900/365) = 12865
    const result = offered(
      paidRecurrent(
        input({
          lengthDays: 365,
          leftMs: 364 * DAY_MS + 3_600_000,
          priceCents: 4990,
          target: { lengthDays: 365, priceCents: 12900 },
          recurrent: card,
        }),
      ),
    );
    expect(result).toMatchObject({
      creditCents: 4976,
      chargeCents: 12865 - 4976,
      recurrentPriceCents: 12900,
    });
  });

  it("rounds half a cent away from zero", () => {
    // D = 10, R = 5, paid 105: credit 52.5 → 53; new round(5·315/10) = 157.5 → 158
    const result = offered(
      paidRecurrent(
        input({
          lengthDays: 10,
          leftMs: 5 * DAY_MS,
          paidCents: 105,
          priceCents: 105,
          target: { lengthDays: 10, priceCents: 315 },
          recurrent: card,
        }),
      ),
    );
    expect(result).toMatchObject({ creditCents: 53, chargeCents: 105 });
  });

  it("monthly_fix prices the target at the base price plus the fix per 31 days, also for the renewal", () => {
    // target daily = 500/31 + 300/31 → 800 per 31 days; new round(30·800/31) = 774, credit 484
    const result = offered(
      paidRecurrent(
        input({
          leftMs: 30 * DAY_MS,
          recurrent: card,
          monthlyFix: 300,
          target: { lengthDays: 31, priceCents: 99_999 },
        }),
      ),
    );
    expect(result).toMatchObject({ chargeCents: 290, creditCents: 484, recurrentPriceCents: 800 });
    // 365 days: (31·4990 + 300·365) / 31 = 8522.26 → renews at 85.22
    const yearly = offered(
      paidRecurrent(
        input({
          lengthDays: 365,
          leftMs: 200 * DAY_MS,
          priceCents: 4990,
          recurrent: card,
          monthlyFix: 300,
          target: { lengthDays: 365, priceCents: 1 },
        }),
      ),
    );
    expect(yearly.recurrentPriceCents).toBe(8522);
  });

  it("R just under 5 days is free, exactly 5 days is paid", () => {
    const under = input({ leftMs: 5 * DAY_MS - 1, recurrent: card });
    expect(paidRecurrent(under).offered).toBe(false);
    expect(offered(freeRecurrent(under))).toMatchObject({
      chargeCents: 0,
      recurrentPriceCents: 1000,
    });
    const five = input({ leftMs: 5 * DAY_MS, recurrent: card });
    expect(offered(paidRecurrent(five)).chargeCents).toBe(161 - 81);
    expect(freeRecurrent(five).offered).toBe(false);
  });

  it("equal prices are free however many days are left", () => {
    const equal = input({
      leftMs: 20 * DAY_MS,
      recurrent: card,
      target: { lengthDays: 31, priceCents: 500 },
    });
    expect(paidRecurrent(equal).offered).toBe(false);
    expect(offered(freeRecurrent(equal)).recurrentPriceCents).toBe(500);
  });

  it("charges at least one cent when the credit covers the new price", () => {
    const cheaper = input({
      leftMs: 20 * DAY_MS,
      recurrent: card,
      target: { lengthDays: 31, priceCents: 400 },
    });
    expect(offered(paidRecurrent(cheaper)).chargeCents).toBe(1);
  });

  it("a recurrent payment whose card expires within 31 days offers nothing: short and paid_extend need no recurrent payment", () => {
    const expiring = input({ leftMs: 30 * DAY_MS, recurrent: { expiresAt: at(31 * DAY_MS - 1) } });
    expect(paidRecurrent(expiring).offered).toBe(false);
    expect(freeRecurrent(expiring).offered).toBe(false);
    expect(short(expiring).offered).toBe(false);
    expect(paidExtend(expiring).offered).toBe(false);
    expect(short(input({ leftMs: 30 * DAY_MS })).offered).toBe(true);
    // With few days left (short gives under 14 days) paid_extend applies only without a recurrent payment.
    const fewDays = { leftMs: 10 * DAY_MS };
    expect(
      paidExtend(input({ ...fewDays, recurrent: { expiresAt: at(31 * DAY_MS - 1) } })).offered,
    ).toBe(false);
    expect(paidExtend(input(fewDays)).offered).toBe(true);
    const lasting = input({ leftMs: 30 * DAY_MS, recurrent: { expiresAt: at(31 * DAY_MS) } });
    expect(paidRecurrent(lasting).offered).toBe(true);
    expect(short(lasting).offered).toBe(false);
  });
});

describe("short and paid_extend around 14 days", () => {
  it("a result of exactly 14 days is short; the ceiling of seconds counts", () => {
    // half the daily price → half the days: 28 days left → 14 days
    expect(offered(short(input({ leftMs: 28 * DAY_MS }))).endAt).toEqual(at(14 * DAY_MS));
    // 1 s less left is 1209599.5 s of target, rounded up to exactly 14 days: still offered
    expect(short(input({ leftMs: 28 * DAY_MS - 1000 })).offered).toBe(true);
  });

  it("just under 14 days is paid_extend instead", () => {
    const under = input({ leftMs: 28 * DAY_MS - 2000 });
    expect(short(under).offered).toBe(false);
    // R is the whole days left: 27 → credit round(27·500/31) = 435
    expect(offered(paidExtend(under)).chargeCents).toBe(1000 - 435);
  });

  it("a cheaper target gives more days than are left", () => {
    const result = offered(
      short(input({ leftMs: 20 * DAY_MS, target: { lengthDays: 31, priceCents: 250 } })),
    );
    expect(result.endAt).toEqual(at(40 * DAY_MS));
  });

  it("paid_extend with monthly_fix charges the fixed price minus the credit", () => {
    // price (31·500 + 300·31)/31 = 800; credit round(3·500/31) = 48
    expect(offered(paidExtend(input({ leftMs: 3 * DAY_MS, monthlyFix: 300 }))).chargeCents).toBe(
      752,
    );
  });

  it("an ended base or a free target offers nothing", () => {
    expect(short(input({ leftMs: 0 })).offered).toBe(false);
    expect(
      short(input({ leftMs: 10 * DAY_MS, target: { lengthDays: 31, priceCents: 0 } })).offered,
    ).toBe(false);
  });
});
