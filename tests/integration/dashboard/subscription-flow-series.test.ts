import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chartWindow } from "@/lib/charts/chart-window";
import type { Db } from "@/lib/db";
import { getSubscriptionFlowSeries } from "@/lib/dashboard/get-subscription-flow-series";
import { subscriptions } from "@/lib/db/schema";
import { createUser } from "@/lib/users/create-user";
import { seedCatalogTypes } from "../../support/catalog";
import { openTestDatabase } from "../../support/test-database";

/*
 * Issue 21, charts: new and churned subscriptions are counted by access — a user's subscriptions that touch or
 * overlap are one stretch of access, which starts (new) and ends (churned) once. Hand-made subscriptions with known
 * instants, at the window's edges and on either side of UTC midnight (the charts' days are UTC days, whatever the
 * installation's time zone), checked for every day of a month and every week of a year.
 */

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = (): Db => database.db;
const NOW = new Date("2026-06-30T12:00:00.000Z");

let typeId = 0;
let sequence = 0;
/** A customer with these subscriptions, each [start, end]. */
async function customer(...periods: [start: string, end: string][]) {
  const user = await createUser(db(), { email: `flow-${++sequence}@example.test` });
  await db()
    .insert(subscriptions)
    .values(
      periods.map(([start, end]) => ({
        userId: user.id,
        subscriptionTypeId: typeId,
        startAt: new Date(start),
        endAt: new Date(end),
      })),
    );
}

/** The non-zero counts of a series, by date. */
function nonZero(
  points: { date: string; started: number; churned: number }[],
  key: "started" | "churned",
) {
  return Object.fromEntries(
    points.filter((point) => point[key] !== 0).map((p) => [p.date, p[key]]),
  );
}

beforeAll(async () => {
  database = await openTestDatabase();
  const types = await seedCatalogTypes(database.db, {
    contentAccess: ["web"],
    types: {
      web_monthly: { name: "Web monthly", lengthDays: 31, priceCents: 990, content: ["web"] },
    },
  });
  typeId = types.web_monthly;

  // Starts and ends on the same day: new and churned on 3 June.
  await customer(["2026-06-03T08:00:00.000Z", "2026-06-03T17:00:00.000Z"]);
  // Never ran (end = start): neither.
  await customer(["2026-06-04T10:00:00.000Z", "2026-06-04T10:00:00.000Z"]);
  // Starts at the window's first instant, ends at midnight: new on 1 June, churned on 5 June.
  await customer(["2026-06-01T00:00:00.000Z", "2026-06-05T00:00:00.000Z"]);
  // Starts at the last instant before the window: churned on 2 June only.
  await customer(["2026-05-31T23:59:59.999Z", "2026-06-02T23:59:59.999Z"]);
  // Ends at the window's last instant (now): churned today; one ending a millisecond later is running.
  await customer(["2026-06-20T00:00:00.000Z", "2026-06-30T12:00:00.000Z"]);
  await customer(["2026-06-21T00:00:00.000Z", "2026-06-30T12:00:00.001Z"]);
  // A renewal that continues the subscription it follows: neither at 10 June.
  await customer(
    ["2026-05-10T09:00:00.000Z", "2026-06-10T09:00:00.000Z"],
    ["2026-06-10T09:00:00.000Z", "2026-07-11T09:00:00.000Z"],
  );
  // Another customer's subscription starting at that instant is new: access is per user.
  await customer(["2026-06-10T09:00:00.000Z", "2026-06-13T09:00:00.000Z"]);
  // A millisecond between two subscriptions: churned and new again on 7 June.
  await customer(
    ["2026-06-06T10:00:00.000Z", "2026-06-07T10:00:00.000Z"],
    ["2026-06-07T10:00:00.001Z", "2026-06-08T10:00:00.000Z"],
  );
  // A gift inside a yearly subscription: neither.
  await customer(
    ["2026-05-15T00:00:00.000Z", "2027-05-15T00:00:00.000Z"],
    ["2026-06-12T00:00:00.000Z", "2026-06-14T00:00:00.000Z"],
  );
  // Across UTC midnight (in Bratislava both instants are a day later): new on 11 June, churned on 12 June.
  await customer(["2026-06-11T23:30:00.000Z", "2026-06-12T22:30:00.000Z"]);
  // Two subscriptions from and to the same instants: one new, one churned.
  await customer(
    ["2026-06-15T12:00:00.000Z", "2026-06-16T12:00:00.000Z"],
    ["2026-06-15T12:00:00.000Z", "2026-06-16T12:00:00.000Z"],
  );
  // The same start, different ends: new on 17 June, churned when the longer ends (19 June).
  await customer(
    ["2026-06-17T00:00:00.000Z", "2026-06-18T00:00:00.000Z"],
    ["2026-06-17T00:00:00.000Z", "2026-06-19T00:00:00.000Z"],
  );
  // Overlapping subscriptions, then one that never ran at the end: new on 22 June, churned on 26 June.
  await customer(
    ["2026-06-22T00:00:00.000Z", "2026-06-24T00:00:00.000Z"],
    ["2026-06-23T00:00:00.000Z", "2026-06-26T00:00:00.000Z"],
    ["2026-06-26T00:00:00.000Z", "2026-06-26T00:00:00.000Z"],
  );
  // Ends at the window's first instant: churned on 1 June; ending a millisecond earlier: before the window.
  await customer(["2026-05-20T00:00:00.000Z", "2026-06-01T00:00:00.000Z"]);
  await customer(["2026-05-20T00:00:00.000Z", "2026-05-31T23:59:59.999Z"]);
  // A millisecond from the last instant of Sunday 28 June to Monday's first.
  await customer(["2026-06-28T23:59:59.999Z", "2026-06-29T00:00:00.000Z"]);
  // At the edges of the year's window (1 July 2025, a Tuesday, to now).
  await customer(["2025-07-01T00:00:00.000Z", "2025-07-02T00:00:00.000Z"]);
  await customer(["2025-06-30T23:59:59.999Z", "2025-07-01T12:00:00.000Z"]);
});
afterAll(async () => {
  await database.close();
});

describe("new and churned subscriptions", () => {
  it("per UTC day over the last 30 days, from the window's first instant to now", async () => {
    const flow = await getSubscriptionFlowSeries(db(), chartWindow(NOW, 30));
    expect(flow).toHaveLength(30);
    expect(flow[0]?.date).toBe("2026-06-01");
    expect(flow.at(-1)?.date).toBe("2026-06-30");
    expect(nonZero(flow, "started")).toEqual({
      "2026-06-01": 1,
      "2026-06-03": 1,
      "2026-06-06": 1,
      "2026-06-07": 1,
      "2026-06-10": 1,
      "2026-06-11": 1,
      "2026-06-15": 1,
      "2026-06-17": 1,
      "2026-06-20": 1,
      "2026-06-21": 1,
      "2026-06-22": 1,
      "2026-06-28": 1,
    });
    expect(nonZero(flow, "churned")).toEqual({
      "2026-06-01": 1,
      "2026-06-02": 1,
      "2026-06-03": 1,
      "2026-06-05": 1,
      "2026-06-07": 1,
      "2026-06-08": 1,
      "2026-06-12": 1,
      "2026-06-13": 1,
      "2026-06-16": 1,
      "2026-06-19": 1,
      "2026-06-26": 1,
      "2026-06-29": 1,
      "2026-06-30": 1,
    });
  });

  it("per Monday week over a year, the first week labelled by the window's first day", async () => {
    const flow = await getSubscriptionFlowSeries(db(), chartWindow(NOW, 365));
    expect(flow).toHaveLength(53);
    expect(flow[0]?.date).toBe("2025-07-01");
    expect(nonZero(flow, "started")).toEqual({
      "2025-07-01": 1,
      "2026-05-04": 1,
      "2026-05-11": 1,
      "2026-05-18": 2,
      "2026-05-25": 1,
      "2026-06-01": 4,
      "2026-06-08": 2,
      "2026-06-15": 4,
      "2026-06-22": 2,
    });
    expect(nonZero(flow, "churned")).toEqual({
      "2025-07-01": 2,
      "2026-05-25": 1,
      "2026-06-01": 5,
      "2026-06-08": 3,
      "2026-06-15": 2,
      "2026-06-22": 1,
      "2026-06-29": 2,
    });
  });
});
