import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { chartWindow } from "@/lib/charts/chart-window";
import { freezeClock, resetClock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { getMrrSeries } from "@/lib/dashboard/get-mrr-series";
import { getRenewalRateSeries } from "@/lib/dashboard/get-renewal-rate-series";
import { getRevenueSeries } from "@/lib/dashboard/get-revenue-series";
import { getSubscriptionFlowSeries } from "@/lib/dashboard/get-subscription-flow-series";
import { createPayment } from "@/lib/payments/create-payment";
import { markPaymentPaid } from "@/lib/payments/mark-payment-paid";
import { refundPayment } from "@/lib/payments/refund-payment";
import { chargeRecurrentPayment } from "@/lib/recurrent-payments/charge-recurrent-payment";
import { createUser } from "@/lib/users/create-user";
import { seedCatalogTypes } from "../../support/catalog";
import { openTestDatabase } from "../../support/test-database";

/*
 * Issue 21, charts: the dashboard's series are SQL aggregates per UTC day (or week over a year) of what the billing
 * services recorded — purchases paid at known instants, renewals charged and declined through the demo gateway —
 * checked day by day, to the cent, at the window's edges too.
 */

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = (): Db => database.db;
const NOW = new Date("2026-06-30T12:00:00.000Z");

let sequence = 0;
/** A customer who buys `type` at `at`; with a card, the purchase sets up automatic renewal. */
async function buy(type: "web_monthly" | "web_yearly", at: string, card?: string) {
  freezeClock(new Date(at));
  const user = await createUser(db(), { email: `dash-${++sequence}@example.test` });
  const { payment } = await createPayment(db(), {
    userId: user.id,
    gateway: "demo",
    items: [{ subscriptionTypeCode: type }],
    recurrentCardToken: card ?? null,
  });
  const paid = await markPaymentPaid(db(), { paymentId: payment.id, actor: SYSTEM_ACTOR });
  return { user, payment: paid.payment };
}

/** Charges the recurrent payment that `parentPaymentId` set up (or its successor after a decline) at `at`. */
async function renew(recurrentPaymentId: number, at: string) {
  freezeClock(new Date(at));
  return chargeRecurrentPayment(db(), { recurrentPaymentId });
}

async function recurrentOf(parentPaymentId: number): Promise<number> {
  const row = await db().query.recurrentPayments.findFirst({
    where: (r, { eq }) => eq(r.parentPaymentId, parentPaymentId),
  });
  if (!row) throw new Error(`no recurrent payment from payment ${parentPaymentId}`);
  return row.id;
}

/** The non-zero values of a series, by date. */
function nonZero<Key extends string>(
  points: ({ date: string } & Record<Key, number | null>)[],
  key: Key,
) {
  return Object.fromEntries(
    points.filter((point) => point[key] !== 0 && point[key] !== null).map((p) => [p.date, p[key]]),
  );
}

beforeAll(async () => {
  database = await openTestDatabase();
  await seedCatalogTypes(database.db, {
    contentAccess: ["web"],
    types: {
      web_monthly: { name: "Web monthly", lengthDays: 31, priceCents: 990, content: ["web"] },
      web_yearly: { name: "Web yearly", lengthDays: 365, priceCents: 4990, content: ["web"] },
    },
  });

  // B renews monthly from 5 May 10:00 (until 5 Jun 10:00); its card is declined on 5 and 8 Jun: churned on 5 Jun.
  const b = await buy("web_monthly", "2026-05-05T10:00:00.000Z", "tok_declined");
  // A renews monthly from 10 May 09:00; renewed on 10 Jun 08:00 (the new period runs from 10 Jun 09:00).
  const a = await buy("web_monthly", "2026-05-10T09:00:00.000Z", "tok_visa");
  // G buys once at the last instant of 31 May: outside a window that starts on 1 June.
  await buy("web_monthly", "2026-05-31T23:59:59.999Z");
  // F buys once at the first instant of 1 June.
  await buy("web_monthly", "2026-06-01T00:00:00.000Z");
  const bRecurrent = await recurrentOf(b.payment.id);
  expect((await renew(bRecurrent, "2026-06-05T09:00:00.000Z")).status).toBe("declined");
  expect((await renew(bRecurrent, "2026-06-08T09:00:00.000Z")).status).toBe("declined");
  expect((await renew(await recurrentOf(a.payment.id), "2026-06-10T08:00:00.000Z")).status).toBe(
    "charged",
  );
  // Three customers renew yearly from 15 Jun 12:00: 3 × 4990 × 31 / 365 = 1271.457… cents of MRR; the third is
  // refunded on 25 Jun (its subscription and renewal stop): 2 × 4990 × 31 / 365 = 847.638… from then.
  const yearly = [];
  for (let i = 0; i < 3; i++)
    yearly.push(await buy("web_yearly", "2026-06-15T12:00:00.000Z", "tok_visa"));
  freezeClock(new Date("2026-06-25T10:00:00.000Z"));
  await refundPayment(db(), { paymentId: yearly[2]!.payment.id });
  // D buys once on 20 Jun.
  await buy("web_monthly", "2026-06-20T15:00:00.000Z");
  // Bought after "now": in no series.
  await buy("web_monthly", "2026-06-30T13:00:00.000Z", "tok_visa");
  freezeClock(NOW);
});
afterAll(async () => {
  resetClock();
  await database.close();
});

describe("the dashboard's series over the last 30 days (1–30 June, per day)", () => {
  const window = () => chartWindow(NOW, 30);

  it("has a point for every day, zero where nothing happened", async () => {
    const revenue = await getRevenueSeries(db(), window());
    expect(revenue).toHaveLength(30);
    expect(revenue[0]?.date).toBe("2026-06-01");
    expect(revenue.at(-1)?.date).toBe("2026-06-30");
    expect(revenue[1]).toEqual({ date: "2026-06-02", revenueCents: 0, payments: 0 });
  });

  it("revenue: payments still paid by the day they were paid, from the first instant of the window to now", async () => {
    const revenue = await getRevenueSeries(db(), window());
    expect(nonZero(revenue, "revenueCents")).toEqual({
      "2026-06-01": 990,
      "2026-06-10": 990,
      "2026-06-15": 9980,
      "2026-06-20": 990,
    });
    expect(nonZero(revenue, "payments")).toEqual({
      "2026-06-01": 1,
      "2026-06-10": 1,
      "2026-06-15": 2,
      "2026-06-20": 1,
    });
  });

  it("MRR: paid periods of automatic renewals at each day's end, normalised to 31 days, the sum rounded once", async () => {
    const mrr = await getMrrSeries(db(), window());
    expect(mrr).toHaveLength(30);
    const byDay = Object.fromEntries(mrr.map((point) => [point.date, point.mrrCents]));
    // A and B; B's period ends on 5 June 10:00 unrenewed; A's renewal continues it on 10 June; the three yearly ones
    // from 15 June, one of them refunded on 25 June. The one-off purchases (F, G, D) are not recurring.
    for (const day of ["2026-06-01", "2026-06-02", "2026-06-03", "2026-06-04"])
      expect(byDay[day], day).toBe(1980);
    for (const day of ["2026-06-05", "2026-06-09", "2026-06-10", "2026-06-11", "2026-06-14"])
      expect(byDay[day], day).toBe(990);
    for (const day of ["2026-06-15", "2026-06-20", "2026-06-24"])
      expect(byDay[day], day).toBe(2261);
    for (const day of ["2026-06-25", "2026-06-29", "2026-06-30"])
      expect(byDay[day], day).toBe(1838);
  });

  it("new and churned subscriptions: by access, so a renewal is neither", async () => {
    const flow = await getSubscriptionFlowSeries(db(), window());
    expect(nonZero(flow, "started")).toEqual({
      "2026-06-01": 1,
      "2026-06-15": 3,
      "2026-06-20": 1,
    });
    // B's period ended unrenewed; the refunded yearly subscription stopped.
    expect(nonZero(flow, "churned")).toEqual({ "2026-06-05": 1, "2026-06-25": 1 });
  });

  it("renewal success: paid renewal charges of the settled attempts, per attempt day", async () => {
    const renewals = await getRenewalRateSeries(db(), window());
    const attempted = renewals.filter((point) => point.attempted > 0);
    expect(attempted).toEqual([
      { date: "2026-06-05", paid: 0, attempted: 1, ratePercent: 0 },
      { date: "2026-06-08", paid: 0, attempted: 1, ratePercent: 0 },
      { date: "2026-06-10", paid: 1, attempted: 1, ratePercent: 100 },
    ]);
    expect(renewals.find((point) => point.date === "2026-06-11")?.ratePercent).toBeNull();
  });
});

describe("longer windows", () => {
  it("90 days are still days and reach back into May", async () => {
    const window = chartWindow(NOW, 90);
    const revenue = await getRevenueSeries(db(), window);
    expect(revenue).toHaveLength(90);
    expect(revenue[0]?.date).toBe("2026-04-02");
    expect(nonZero(revenue, "revenueCents")).toMatchObject({
      "2026-05-05": 990,
      "2026-05-10": 990,
      "2026-05-31": 990,
    });
    const flow = await getSubscriptionFlowSeries(db(), window);
    expect(nonZero(flow, "started")).toMatchObject({
      "2026-05-05": 1,
      "2026-05-10": 1,
      "2026-05-31": 1,
    });
    const mrr = await getMrrSeries(db(), window);
    expect(mrr.find((point) => point.date === "2026-05-04")?.mrrCents).toBe(0);
    expect(mrr.find((point) => point.date === "2026-05-05")?.mrrCents).toBe(990);
    expect(mrr.find((point) => point.date === "2026-05-10")?.mrrCents).toBe(1980);
  });

  it("365 days are Monday weeks, the first labelled by the window's first day", async () => {
    const window = chartWindow(NOW, 365);
    const revenue = await getRevenueSeries(db(), window);
    // 1 July 2025 is a Tuesday: its week starts on 30 June 2025; 30 June 2026 is in the week of 29 June.
    expect(revenue).toHaveLength(53);
    expect(revenue[0]?.date).toBe("2025-07-01");
    expect(revenue[1]?.date).toBe("2025-07-07");
    expect(revenue.at(-1)?.date).toBe("2026-06-29");
    expect(nonZero(revenue, "revenueCents")).toEqual({
      "2026-05-04": 1980,
      "2026-05-25": 990,
      "2026-06-01": 990,
      "2026-06-08": 990,
      "2026-06-15": 10970,
    });
    const renewals = await getRenewalRateSeries(db(), window);
    expect(renewals.filter((point) => point.attempted > 0)).toEqual([
      { date: "2026-06-01", paid: 0, attempted: 1, ratePercent: 0 },
      { date: "2026-06-08", paid: 1, attempted: 2, ratePercent: 50 },
    ]);
    // MRR stays daily: one point per day of the year.
    expect(await getMrrSeries(db(), window)).toHaveLength(365);
  });
});
