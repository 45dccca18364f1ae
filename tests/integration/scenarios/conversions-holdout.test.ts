import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceClock, DAY_MS, freezeClock, MINUTE_MS, now } from "@/lib/clock";
import { chartWindow } from "@/lib/charts/chart-window";
import { events, scenarioReportCounters, scenarioRunSteps } from "@/lib/db/schema";
import { rowsOf } from "@/lib/db/rows-of";
import { saveScenarioDraft } from "@/lib/scenarios/admin/save-scenario-draft";
import { attributeConversions } from "@/lib/scenarios/conversions/attribute-conversions";
import { getScenarioReport } from "@/lib/scenarios/conversions/get-scenario-report";
import { twoProportionPValue, upliftInterval } from "@/lib/scenarios/conversions/report-statistics";
import { holdoutSql, isHeldOut } from "@/lib/scenarios/engine/holdout";
import { startLocalInngest } from "../../support/local-inngest";
import { openTestDatabase } from "../../support/test-database";
import {
  customer,
  e,
  email,
  emailsTo,
  enabledScenario,
  fire,
  n,
  on,
  runsOf,
  templates,
  paidEvent,
} from "./scenario-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let inngest: Awaited<ReturnType<typeof startLocalInngest>>;
const db = () => database.db;
const USERS = 50;

beforeAll(async () => {
  delete process.env.SMTP_URL;
  database = await openTestDatabase();
  freezeClock(new Date("2026-10-01T08:00:00Z"));
  inngest = await startLocalInngest(database.db);
  await inngest.executor.drain();
  await templates(database.db, "welcome_a", "welcome_b");
});
afterAll(async () => {
  await inngest.stop();
  await database.close();
});

const settle = () => inngest.advance(MINUTE_MS);

const paid = (userId: number, amountCents: number) => paidEvent(db(), userId, amountCents);

/** A welcome A/B test: variant A and B each send their own email. */
const welcomeGraph = {
  nodes: [
    on("custom.signed_up"),
    n("ab", "ab_test", {
      variants: [
        { code: "A", name: "Short", percent: 50 },
        { code: "B", name: "Long", percent: 50 },
      ],
    }),
    email("ma", "welcome_a"),
    email("mb", "welcome_b"),
  ],
  edges: [
    e("e1", "t", "out", "ab"),
    e("ea", "ab", "variant:A", "ma"),
    e("eb", "ab", "variant:B", "mb"),
  ],
};

interface Expected {
  entered: number;
  converted: number;
  revenueCents: number;
}
const zero = (): Expected => ({ entered: 0, converted: 0, revenueCents: 0 });

describe("conversions and holdout", () => {
  it("the SQL holdout draw is the same as the one in code", async () => {
    const pairs = Array.from({ length: 400 }, (_, i) => ({ s: 1 + (i % 7), u: 1000 + i * 37 }));
    const result = rowsOf<{ s: number; u: number; held: boolean }>(
      await db().execute(sql`
        select p.s, p.u, ${holdoutSql(sql`p.s`, sql`p.u`, sql`25`)} as held
        from jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as p(s int, u int)`),
    );
    expect(result).toHaveLength(400);
    const held = result.filter((row) => row.held).length;
    for (const row of result) expect(row.held).toBe(isHeldOut(row.s, row.u, 25));
    expect(held).toBeGreaterThan(60);
    expect(held).toBeLessThan(140);
  });

  it("holds out a sticky share without actions, attributes payments within the window, and reports them", async () => {
    const { scenarioId } = await enabledScenario(db(), welcomeGraph, { reentry: "always" });
    await saveScenarioDraft(db(), {
      scenarioId,
      conversionEvent: "payment.paid",
      conversionWindowDays: 7,
      holdoutPercent: 10,
    });
    const users: number[] = [];
    for (let i = 0; i < USERS; i++) users.push((await customer(db())).id);
    // At least one user of each group (the draw is deterministic, so this only guards the fixture).
    expect(users.some((u) => isHeldOut(scenarioId, u, 10))).toBe(true);
    expect(users.some((u) => !isHeldOut(scenarioId, u, 10))).toBe(true);
    for (const u of users) await fire(db(), "custom.signed_up", u);
    await settle();

    const runs = await runsOf(db(), scenarioId);
    expect(runs).toHaveLength(USERS);
    for (const run of runs) {
      expect(run.holdout).toBe(isHeldOut(scenarioId, run.userId, 10));
      const sent = await emailsTo(db(), run.userId);
      if (run.holdout) {
        expect(run).toMatchObject({ status: "completed", statusReason: "holdout" });
        expect(sent).toHaveLength(0);
      } else {
        expect(run.status).toBe("completed");
        expect(sent).toHaveLength(1);
      }
    }
    const heldRunIds = runs.filter((r) => r.holdout).map((r) => r.id);
    const heldSteps = await db()
      .select()
      .from(scenarioRunSteps)
      .where(inArray(scenarioRunSteps.runId, heldRunIds));
    expect(heldSteps).toHaveLength(0);

    // Payments two days in: every third treated user and every other held-out one (some twice: only the first
    // converts); every fifth user after the window.
    await inngest.advance(2 * DAY_MS);
    const held = users.filter((u) => isHeldOut(scenarioId, u, 10));
    const pays = (u: number, i: number) =>
      held.includes(u) ? held.indexOf(u) % 2 === 0 : i % 3 === 0;
    for (const [i, u] of users.entries()) if (pays(u, i)) await paid(u, 500 + i);
    await settle();
    for (const [i, u] of users.entries()) if (pays(u, i) && i % 2 === 0) await paid(u, 10_000);
    await settle();
    await inngest.advance(6 * DAY_MS);
    for (const [i, u] of users.entries()) if (i % 5 === 1) await paid(u, 700);
    await settle();

    // A second entry of a held-out user stays held out (sticky).
    const heldUser = runs.find((r) => r.holdout)!.userId;
    await fire(db(), "custom.signed_up", heldUser);
    await settle();
    const reentered = (await runsOf(db(), scenarioId)).filter((r) => r.userId === heldUser);
    expect(reentered).toHaveLength(2);
    expect(reentered.every((r) => r.holdout && r.statusReason === "holdout")).toBe(true);

    // Independently, from the raw rows: each run's first payment within 7 days of its entry.
    const allRuns = await runsOf(db(), scenarioId);
    const payments = await db().select().from(events).where(eq(events.name, "payment.paid"));
    const variantSteps = await db()
      .select()
      .from(scenarioRunSteps)
      .where(and(eq(scenarioRunSteps.scenarioId, scenarioId), eq(scenarioRunSteps.nodeId, "ab")));
    const variantOf = new Map(variantSteps.map((s) => [s.runId, s.outcome!.slice(8)]));
    const expected = { treated: zero(), holdout: zero(), A: zero(), B: zero() };
    for (const run of allRuns) {
      const group = run.holdout ? expected.holdout : expected.treated;
      const variant = variantOf.get(run.id) as "A" | "B" | undefined;
      const within = payments
        .filter(
          (p) =>
            p.userId === run.userId &&
            p.occurredAt.getTime() >= run.createdAt.getTime() &&
            p.occurredAt.getTime() < run.createdAt.getTime() + 7 * DAY_MS,
        )
        .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
      const first = within[0];
      for (const g of variant ? [group, expected[variant]] : [group]) {
        g.entered++;
        if (first) {
          g.converted++;
          g.revenueCents += Number((first.payload as { amount_cents: number }).amount_cents);
        }
      }
    }
    expect(expected.treated.converted).toBeGreaterThan(0);
    expect(expected.holdout.converted).toBeGreaterThan(0);

    const report = (await getScenarioReport(db(), {
      scenarioId,
      window: chartWindow(now(), 30),
    }))!;
    expect(report.conversion).toEqual({ event: "payment.paid", windowDays: 7 });
    expect(report.holdoutPercent).toBe(10);
    const pick = (g: Expected | typeof report.treated) => ({
      entered: g.entered,
      converted: g.converted,
      revenueCents: g.revenueCents,
    });
    expect(pick(report.treated)).toEqual(expected.treated);
    expect(pick(report.holdout)).toEqual(expected.holdout);
    expect(report.uplift).toEqual(upliftInterval(expected.treated, expected.holdout));
    const variants = Object.fromEntries(report.variants.map((v) => [v.variant, v]));
    expect(pick(variants.A!)).toEqual(expected.A);
    expect(pick(variants.B!)).toEqual(expected.B);
    expect(variants.A!.variantName).toBe("Short");
    expect(variants.B!.pValue).toBe(twoProportionPValue(expected.B, expected.A));
    // Through the path: the email node of each variant, its edge, and the trigger every treated run passed.
    const node = (id: string) => report.nodes.find((x) => x.id === id)?.converted ?? 0;
    const edge = (id: string) => report.edges.find((x) => x.id === id)?.converted ?? 0;
    expect(node("t")).toBe(expected.treated.converted);
    expect(node("ma")).toBe(expected.A.converted);
    expect(edge("eb")).toBe(expected.B.converted);
    // Per day: every entry on the first two days (the re-entry a week later), conversions on their days.
    const total = (key: "entered" | "converted" | "holdoutEntered" | "holdoutConverted") =>
      report.series.reduce((sum, p) => sum + p[key], 0);
    expect(total("entered")).toBe(expected.treated.entered);
    expect(total("holdoutConverted")).toBe(expected.holdout.converted);
    expect(report.series.find((p) => p.date === "2026-10-03")!.converted).toBe(
      expected.treated.converted,
    );

    // A replayed delivery converts nothing again.
    const before = await db()
      .select()
      .from(scenarioReportCounters)
      .where(eq(scenarioReportCounters.scenarioId, scenarioId));
    const replayed = await attributeConversions(
      db(),
      payments.map((p) => ({
        id: p.id,
        name: p.name,
        userId: p.userId!,
        occurredAt: p.occurredAt,
        payload: p.payload,
      })),
    );
    expect(replayed).toBe(0);
    const after = await db()
      .select()
      .from(scenarioReportCounters)
      .where(eq(scenarioReportCounters.scenarioId, scenarioId));
    expect(after).toEqual(before);
  }, 180_000);

  it("counts a conversion that follows the trigger within one dispatch batch; the run entered when its event happened", async () => {
    const { scenarioId } = await enabledScenario(db(), welcomeGraph, { reentry: "always" });
    await saveScenarioDraft(db(), {
      scenarioId,
      conversionEvent: "payment.paid",
      conversionWindowDays: 7,
    });
    const quick = (await customer(db())).id;
    const early = (await customer(db())).id;
    // Seconds apart, delivered and dispatched together: one batch. One pays after signing up, one before.
    const signedUpAt = now();
    await fire(db(), "custom.signed_up", quick);
    advanceClock(2000);
    await paid(quick, 990);
    await paid(early, 490);
    advanceClock(2000);
    await fire(db(), "custom.signed_up", early);
    await settle();
    const runs = await runsOf(db(), scenarioId);
    const quickRun = runs.find((run) => run.userId === quick)!;
    expect(quickRun.createdAt).toEqual(signedUpAt);
    const conversions = rowsOf<{ user_id: number; revenue_cents: number | string }>(
      await db().execute(
        sql`select user_id, revenue_cents from scenario_conversions where scenario_id = ${scenarioId}`,
      ),
    );
    expect(conversions.map((c) => [c.user_id, Number(c.revenue_cents)])).toEqual([[quick, 990]]);
  });

  it("a run started by the conversion event itself is converted by the next one, not by its trigger", async () => {
    const { scenarioId } = await enabledScenario(
      db(),
      {
        nodes: [on("payment.paid"), email("thanks", "welcome_a")],
        edges: [e("e1", "t", "out", "thanks")],
      },
      { reentry: "once" },
    );
    await saveScenarioDraft(db(), {
      scenarioId,
      conversionEvent: "payment.paid",
      conversionWindowDays: 30,
    });
    const buyer = (await customer(db())).id;
    await paid(buyer, 500);
    await settle();
    const converted = async () =>
      rowsOf<{ revenue_cents: number | string }>(
        await db().execute(
          sql`select revenue_cents from scenario_conversions where scenario_id = ${scenarioId}`,
        ),
      ).map((row) => Number(row.revenue_cents));
    expect(await runsOf(db(), scenarioId)).toHaveLength(1);
    expect(await converted()).toEqual([]);
    advanceClock(DAY_MS);
    await paid(buyer, 700);
    await settle();
    expect(await converted()).toEqual([700]);
  });

  it("validates the settings: window needed with an event, holdout at most 50 %", async () => {
    const { scenarioId } = await enabledScenario(db(), welcomeGraph);
    await expect(
      saveScenarioDraft(db(), { scenarioId, conversionEvent: "payment.paid" }),
    ).rejects.toThrow(/within how many days/);
    await expect(saveScenarioDraft(db(), { scenarioId, holdoutPercent: 51 })).rejects.toThrow();
    await expect(
      saveScenarioDraft(db(), {
        scenarioId,
        conversionEvent: "payment.nothing",
        conversionWindowDays: 3,
      }),
    ).rejects.toThrow();
    const { scenario } = await saveScenarioDraft(db(), {
      scenarioId,
      conversionEvent: "custom.trial_started",
      conversionWindowDays: 30,
      holdoutPercent: 50,
    });
    expect(scenario).toMatchObject({
      conversionEvent: "custom.trial_started",
      conversionWindowDays: 30,
      holdoutPercent: 50,
    });
    const { scenario: cleared } = await saveScenarioDraft(db(), {
      scenarioId,
      conversionEvent: null,
    });
    expect(cleared).toMatchObject({ conversionEvent: null, conversionWindowDays: null });
  });
});
