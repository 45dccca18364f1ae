import { eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceClock, DAY_MS, freezeClock, MINUTE_MS } from "@/lib/clock";
import { scenarioRunSteps, scenarioStatBuckets } from "@/lib/db/schema";
import { aggregateRunSteps, deleteOldRunSteps } from "@/lib/scenarios/stats/aggregate-run-steps";
import { getScenarioStats } from "@/lib/scenarios/stats/get-scenario-stats";
import { startLocalInngest } from "../../support/local-inngest";
import { openTestDatabase } from "../../support/test-database";
import { customer, e, email, enabledScenario, fire, n, on, templates } from "./scenario-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let inngest: Awaited<ReturnType<typeof startLocalInngest>>;
const db = () => database.db;

beforeAll(async () => {
  delete process.env.SMTP_URL;
  database = await openTestDatabase();
  freezeClock(new Date("2026-09-01T08:30:00Z"));
  inngest = await startLocalInngest(database.db);
  await inngest.executor.drain();
  await templates(database.db, "yes_mail", "no_mail");
});
afterAll(async () => {
  await inngest.stop();
  await database.close();
});

/** What the runs did, counted straight from their visits: node → outcome → visits, edge → visits. */
async function countedFromVisits(scenarioId: number) {
  const steps = await db()
    .select()
    .from(scenarioRunSteps)
    .where(eq(scenarioRunSteps.scenarioId, scenarioId));
  const nodes: Record<string, Record<string, number>> = {};
  const edges: Record<string, number> = {};
  for (const s of steps) {
    const outcome = s.outcome ?? "in_progress";
    (nodes[s.nodeId] ??= {})[outcome] = (nodes[s.nodeId]![outcome] ?? 0) + 1;
    if (s.viaEdgeId) edges[s.viaEdgeId] = (edges[s.viaEdgeId] ?? 0) + 1;
  }
  return { nodes, edges };
}

describe("scenario statistics", () => {
  it("equal what the runs did, before and after hourly aggregation, per version and overall", async () => {
    const { scenarioId, versionId } = await enabledScenario(db(), {
      nodes: [
        on("custom.t_stats"),
        n("c", "condition", {
          criteria: [{ kind: "user", key: "email_domain", operator: "is", value: "yes.test" }],
        }),
        email("y", "yes_mail"),
        email("no", "no_mail"),
      ],
      edges: [e("e1", "t", "out", "c"), e("e2", "c", "yes", "y"), e("e3", "c", "no", "no")],
    });
    const users = [
      await customer(db(), `a-${Date.now()}@yes.test`),
      await customer(db(), `b-${Date.now()}@yes.test`),
      await customer(db(), `c-${Date.now()}@no.test`),
    ];
    for (const user of users) await fire(db(), "custom.t_stats", user.id);
    await inngest.advance(MINUTE_MS);

    const truth = await countedFromVisits(scenarioId);
    expect(truth).toEqual({
      nodes: { t: { out: 3 }, c: { yes: 2, no: 1 }, y: { out: 2 }, no: { out: 1 } },
      edges: { e1: 3, e2: 2, e3: 1 },
    });
    const fresh = await getScenarioStats(db(), { scenarioId });
    for (const [node, outcomes] of Object.entries(truth.nodes)) {
      expect(fresh.nodes[node]).toEqual({ last24h: outcomes, last30d: outcomes });
    }
    for (const [edge, visits] of Object.entries(truth.edges))
      expect(fresh.edges[edge]).toEqual({ last24h: visits, last30d: visits });
    expect(await getScenarioStats(db(), { scenarioId, versionId })).toEqual(fresh);
    expect(await getScenarioStats(db(), { scenarioId, versionId: versionId + 1000 })).toEqual({
      nodes: {},
      edges: {},
    });

    // Six days on, the visits are older than the raw window: the hourly job moves them into buckets.
    advanceClock(6 * DAY_MS);
    expect(await aggregateRunSteps(db())).toEqual({ visits: 9 });
    expect(await aggregateRunSteps(db())).toEqual({ visits: 0 });
    expect(
      await db().select().from(scenarioRunSteps).where(isNull(scenarioRunSteps.aggregatedAt)),
    ).toHaveLength(0);
    const aged = await getScenarioStats(db(), { scenarioId });
    for (const [node, outcomes] of Object.entries(truth.nodes))
      expect(aged.nodes[node]).toEqual({ last24h: {}, last30d: outcomes });
    for (const [edge, visits] of Object.entries(truth.edges))
      expect(aged.edges[edge]).toEqual({ last24h: 0, last30d: visits });
    expect(await getScenarioStats(db(), { scenarioId, versionId })).toEqual(aged);

    // Past 31 days the raw visits go; the buckets keep the counts (and the 30-day window no longer holds them).
    advanceClock(26 * DAY_MS);
    expect(await deleteOldRunSteps(db())).toEqual({ deleted: 9 });
    const buckets = await db()
      .select()
      .from(scenarioStatBuckets)
      .where(eq(scenarioStatBuckets.scenarioId, scenarioId));
    expect(buckets.reduce((sum, b) => sum + b.count, 0)).toBe(9);
    expect(await getScenarioStats(db(), { scenarioId })).toEqual({ nodes: {}, edges: {} });
  });
});
