import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY_MS, freezeClock, MINUTE_MS, now } from "@/lib/clock";
import { events, scenarioAbAssignments, userBanners } from "@/lib/db/schema";
import { saveBanner } from "@/lib/banners/save-banner";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import type { GraphNode, NodeOf } from "@/lib/scenarios/graph";
import type { NodeType } from "@/lib/scenarios/nodes/definitions";
import { executorFor } from "@/lib/scenarios/nodes/executors";
import type { InstantNodeExecutor, NodeVisit } from "@/lib/scenarios/nodes/node-executor";
import { createRunContext } from "@/lib/scenarios/run-context";
import { webhookSecret } from "@/lib/scenarios/webhook-secret";
import { saveSegment } from "@/lib/segments/save-segment";
import { setSetting } from "@/lib/settings";
import { openTestDatabase } from "../../support/test-database";
import { seedCatalog } from "../services/fixtures";
import { customer, emailsTo, enabledScenario, n, on, templates } from "./scenario-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let catalog: Awaited<ReturnType<typeof seedCatalog>>;
let scenarioId: number;
const db = () => database.db;
let step = 0;

beforeAll(async () => {
  delete process.env.SMTP_URL;
  database = await openTestDatabase();
  freezeClock(new Date("2026-09-01T08:00:00Z"));
  catalog = await seedCatalog(database.db);
  await templates(database.db, "hello");
  ({ scenarioId } = await enabledScenario(database.db, {
    nodes: [on("custom.unused")],
    edges: [],
  }));
});
afterAll(() => database.close());

/** A visit of `node` by `userId`, as the run function makes it; `stepKey` fixed to repeat a visit. */
function visitOf(
  userId: number,
  payload: Record<string, unknown> = {},
  stepKey = `0/x/${++step}`,
): NodeVisit {
  return {
    ...createRunContext({
      db: db(),
      now: now(),
      userId,
      trigger: { event: "custom.unused", payload },
    }),
    runId: 1,
    scenarioId,
    nodeId: "x",
    stepKey,
    idempotencyKey: `scenario-run:1:${stepKey}`,
  };
}
const run = (node: GraphNode, visit: NodeVisit) =>
  (executorFor(node) as InstantNodeExecutor<NodeType>).execute({ node, visit });

describe("node executors", () => {
  it("email: sends the template once per visit, however often the visit runs", async () => {
    const user = await customer(db());
    const visit = visitOf(user.id);
    const first = await run(n("x", "email", { template: "hello" }), visit);
    const again = await run(n("x", "email", { template: "hello" }), visit);
    expect(first).toMatchObject({ outcome: "out", facts: { template: "hello", sent_now: true } });
    expect(again.facts).toMatchObject({ sent_now: false });
    expect(await emailsTo(db(), user.id)).toHaveLength(1);
  });

  it("banner: shows the banner once per visit, expiring after the configured minutes", async () => {
    const user = await customer(db());
    const banner = await saveBanner(db(), {
      title: "Renew now",
      text: "Your subscription ends soon.",
    });
    const visit = visitOf(user.id);
    const node = n("x", "banner", { bannerId: banner.id, expiresAfterMinutes: 60 });
    await run(node, visit);
    await run(node, visit);
    const shown = await db().select().from(userBanners).where(eq(userBanners.userId, user.id));
    expect(shown).toHaveLength(1);
    expect(shown[0]!.expiresAt!.getTime()).toBe(now().getTime() + 60 * MINUTE_MS);
  });

  it("segment: yes for a member, no for anyone else", async () => {
    await saveSegment(db(), {
      code: "web_readers",
      name: "Web readers",
      rules: {
        match: "all",
        rules: [{ field: "subscription", operator: "has", content_access: "web" }],
      },
    });
    const reader = await customer(db());
    const stranger = await customer(db());
    await createSubscription(db(), { userId: reader.id, subscriptionTypeId: catalog.webMonth.id });
    const node = n("x", "segment", { segment: "web_readers" });
    expect(await run(node, visitOf(reader.id))).toMatchObject({
      outcome: "yes",
      facts: { member: true },
    });
    expect(await run(node, visitOf(stranger.id))).toMatchObject({
      outcome: "no",
      facts: { member: false },
    });
  });

  it("condition: payment criteria read the trigger's payment; a trigger without one says no", async () => {
    const user = await customer(db());
    const { buyPaid } = await import("../services/fixtures");
    const { payment } = await buyPaid(db(), user.id, "web_month");
    const node = n("x", "condition", {
      criteria: [{ kind: "payment", key: "amount", operator: "lt", value: 1000 }],
    });
    expect(await run(node, visitOf(user.id, { payment_id: payment.id }))).toMatchObject({
      outcome: "yes",
    });
    const without = await run(node, visitOf(user.id));
    expect(without).toMatchObject({
      outcome: "no",
      facts: { decidedBy: { key: "amount", actual: null } },
    });
  });

  it("ab_test: draws once and keeps the variant for later visits", async () => {
    const user = await customer(db());
    const node = n("ab", "ab_test", {
      variants: [
        { code: "A", name: "A", percent: 50 },
        { code: "B", name: "B", percent: 50 },
      ],
    }) as NodeOf<"ab_test">;
    const outcomes = new Set<string>();
    for (let i = 0; i < 8; i++) outcomes.add((await run(node, visitOf(user.id))).outcome);
    expect(outcomes.size).toBe(1);
    const rows = await db()
      .select()
      .from(scenarioAbAssignments)
      .where(
        and(eq(scenarioAbAssignments.userId, user.id), eq(scenarioAbAssignments.nodeId, "ab")),
      );
    expect(rows).toHaveLength(1);
    expect([...outcomes][0]).toBe(`variant:${rows[0]!.variant}`);
  });

  it("extend_subscription: adds days to the actual subscription, and says so when there is none", async () => {
    const user = await customer(db());
    const subscription = await createSubscription(db(), {
      userId: user.id,
      subscriptionTypeId: catalog.webMonth.id,
    });
    const node = n("x", "generic", { action: "extend_subscription", params: { days: 7 } });
    const result = await run(node, visitOf(user.id));
    expect(result.facts).toMatchObject({
      extended: true,
      subscription_id: subscription.id,
      to: new Date(subscription.endAt.getTime() + 7 * DAY_MS).toISOString(),
    });
    const nobody = await customer(db());
    expect((await run(node, visitOf(nobody.id))).facts).toMatchObject({ extended: false });
  });

  it("extend_subscription: a retried visit (its first answer lost) does not extend twice", async () => {
    const user = await customer(db());
    const subscription = await createSubscription(db(), {
      userId: user.id,
      subscriptionTypeId: catalog.webMonth.id,
    });
    const node = n("x", "generic", { action: "extend_subscription", params: { days: 5 } });
    const visit = visitOf(user.id);
    const first = await run(node, visit);
    const retried = await run(node, visit);
    expect(retried.facts).toEqual(first.facts);
    const { subscriptions } = await import("@/lib/db/schema");
    const [row] = await db()
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, subscription.id));
    expect(row!.endAt.getTime()).toBe(subscription.endAt.getTime() + 5 * DAY_MS);
  });

  it("emit_event: records the custom event once per visit", async () => {
    const user = await customer(db());
    const visit = visitOf(user.id);
    const node = n("x", "generic", {
      action: "emit_event",
      params: { name: "custom.scenario_hello", payload: { plan: "gold" } },
    });
    await run(node, visit);
    await run(node, visit);
    const recorded = await db()
      .select()
      .from(events)
      .where(and(eq(events.userId, user.id), eq(events.name, "custom.scenario_hello")));
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.payload).toMatchObject({ plan: "gold", scenario_id: scenarioId });
  });

  describe("webhook", () => {
    const received: { body: string; headers: Record<string, string | string[] | undefined> }[] = [];
    let status = 200;
    const server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      received.push({ body: Buffer.concat(chunks).toString(), headers: req.headers });
      res.writeHead(status).end();
    });
    let url = "";
    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const port = (server.address() as AddressInfo).port;
      url = `http://127.0.0.1:${port}/hook`;
      // A loopback address is refused unless listed (webhook-outbound.test.ts).
      await setSetting(database.db, "outbound.allowed_hosts", [`127.0.0.1:${port}`]);
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("POSTs the user and trigger as JSON signed with HMAC-SHA256", async () => {
      const user = await customer(db());
      const visit = visitOf(user.id, { plan: "gold" });
      const result = await run(n("x", "generic", { action: "webhook", params: { url } }), visit);
      expect(result.facts).toMatchObject({ status: 200 });
      const delivery = received.at(-1)!;
      const body = JSON.parse(delivery.body);
      expect(body).toMatchObject({
        delivery_id: visit.idempotencyKey,
        user: { id: user.id, email: user.email },
        trigger: { payload: { plan: "gold" } },
      });
      const expected = createHmac("sha256", webhookSecret()).update(delivery.body).digest("hex");
      expect(delivery.headers["x-subflow-signature"]).toBe(`sha256=${expected}`);
      expect(delivery.headers["x-subflow-delivery"]).toBe(visit.idempotencyKey);
    });

    it("throws on a non-2xx answer, so the durable step retries", async () => {
      const user = await customer(db());
      status = 503;
      await expect(
        run(n("x", "generic", { action: "webhook", params: { url } }), visitOf(user.id)),
      ).rejects.toThrow(/503/);
      status = 200;
    });
  });
});
