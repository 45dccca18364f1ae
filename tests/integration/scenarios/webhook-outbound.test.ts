import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { freezeClock, now } from "@/lib/clock";
import type { GraphNode } from "@/lib/scenarios/graph";
import type { NodeType } from "@/lib/scenarios/nodes/definitions";
import { claimScenarioRun } from "@/lib/scenarios/engine/claim-scenario-run";
import { createScenarioRun } from "@/lib/scenarios/engine/create-scenario-run";
import { walkScenarioRun } from "@/lib/scenarios/engine/walk-scenario-run";
import { executorFor } from "@/lib/scenarios/nodes/executors";
import type { InstantNodeExecutor, NodeVisit } from "@/lib/scenarios/nodes/node-executor";
import { createRunContext } from "@/lib/scenarios/run-context";
import { setSetting } from "@/lib/settings";
import { openTestDatabase } from "../../support/test-database";
import { customer, e, enabledScenario, n, on, runsOf, stepsOf } from "./scenario-kit";

/*
 * The webhook action goes through outboundFetch: private, loopback and metadata addresses are refused unless the
 * installation lists the host in `outbound.allowed_hosts`; no redirects, 10 s, 1 MB.
 */

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
let scenarioId: number;
let step = 0;

const paths: string[] = [];
const server = createServer(async (req, res) => {
  req.resume(); // the body is not needed
  await new Promise((resolve) => req.on("end", resolve));
  paths.push(req.url ?? "");
  if (req.url === "/slow") return; // never answers
  if (req.url === "/huge") return res.writeHead(200).end("x".repeat(2 * 1024 * 1024));
  if (req.url === "/redirect") return res.writeHead(302, { location: "/target" }).end();
  res.writeHead(200).end();
});
let port = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  freezeClock(new Date("2026-09-01T08:00:00Z"));
  ({ scenarioId } = await enabledScenario(database.db, {
    nodes: [on("custom.unused")],
    edges: [],
  }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await database.close();
});
beforeEach(async () => {
  paths.length = 0;
  await setSetting(db(), "outbound.allowed_hosts", []);
});

const webhookNode = (url: string) => n("hook", "generic", { action: "webhook", params: { url } });

function visitOf(userId: number): NodeVisit {
  const stepKey = `0/hook/${++step}`;
  return {
    ...createRunContext({
      db: db(),
      now: now(),
      userId,
      trigger: { event: "custom.unused", payload: {} },
    }),
    runId: 1,
    scenarioId,
    nodeId: "hook",
    stepKey,
    idempotencyKey: `scenario-run:1:${stepKey}`,
  };
}

async function runWebhook(url: string) {
  const user = await customer(db());
  const node: GraphNode = webhookNode(url);
  return (executorFor(node) as InstantNodeExecutor<NodeType>).execute({
    node,
    visit: visitOf(user.id),
  });
}

describe("webhook node: refused destinations", () => {
  it.each([
    [
      "loopback",
      () => `http://127.0.0.1:${port}/hook`,
      /127\.0\.0\.1:\d+ resolves to 127\.0\.0\.1, a loopback address/,
    ],
    [
      "a name resolving to loopback",
      () => `http://localhost:${port}/hook`,
      /localhost:\d+ resolves to 127\.0\.0\.1/,
    ],
    [
      "a private address",
      () => "http://10.0.0.1/hook",
      /10\.0\.0\.1 resolves to 10\.0\.0\.1, a private address/,
    ],
    [
      "the cloud metadata address",
      () => "http://169.254.169.254/latest/meta-data",
      /169\.254\.169\.254, a link-local address/,
    ],
  ])("refuses %s, sending nothing", async (_name, url, message) => {
    await expect(runWebhook(url())).rejects.toThrow(message);
    expect(paths).toEqual([]);
  });

  it("records the refusal as the node's failure, and the run as failed", async () => {
    const url = `http://127.0.0.1:${port}/hook`;
    const { scenarioId: hookScenario, versionId } = await enabledScenario(db(), {
      nodes: [on("custom.t_hook"), webhookNode(url)],
      edges: [e("e1", "t", "out", "hook")],
    });
    const user = await customer(db());
    const runId = await createScenarioRun(db(), {
      scenarioId: hookScenario,
      versionId,
      userId: user.id,
      reentry: "always",
      reentryDays: null,
      triggerKey: `test:${user.id}`,
      triggerEvent: "custom.t_hook",
      triggerPayload: {},
      entryNodeIds: ["t"],
    });
    const run = await claimScenarioRun(db(), { runId: runId!, executorRunId: "test" });
    // Steps run at once and are not retried: the walker sees the error a step out of retries ends with.
    await walkScenarioRun(
      db(),
      { run: (_id, fn) => fn(), sleepUntil: async () => null, waitForEvent: async () => null },
      run!,
      { nodes: [on("custom.t_hook"), webhookNode(url)], edges: [e("e1", "t", "out", "hook")] },
    );
    const steps = await stepsOf(db(), runId!);
    expect(steps.find((s) => s.nodeId === "hook")).toMatchObject({
      outcome: "failed",
      facts: {
        error: expect.stringMatching(
          /resolves to 127\.0\.0\.1, a loopback address; outgoing requests go only to public addresses/,
        ),
      },
    });
    const [row] = await runsOf(db(), hookScenario);
    expect(row).toMatchObject({ status: "failed" });
    expect(row!.statusReason).toMatch(/^node hook: .*loopback address/);
    expect(paths).toEqual([]);
  });
});

describe("webhook node: a host on the allow-list", () => {
  beforeEach(async () => {
    await setSetting(db(), "outbound.allowed_hosts", [`127.0.0.1:${port}`]);
  });

  it("is let through to the local server", async () => {
    const result = await runWebhook(`http://127.0.0.1:${port}/hook`);
    expect(result).toMatchObject({ outcome: "out", facts: { action: "webhook", status: 200 } });
    expect(paths).toEqual(["/hook"]);
  });

  it("fails when the server does not answer within 10 s", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const result = runWebhook(`http://127.0.0.1:${port}/slow`);
      const settled = result.catch((error: unknown) => error);
      // The request reaches the server (real sockets), then the deadline passes.
      await vi.waitUntil(() => paths.includes("/slow"), { timeout: 5000, interval: 10 });
      await vi.advanceTimersByTimeAsync(10_000);
      expect(await settled).toMatchObject({
        code: "outbound_timeout",
        message: `127.0.0.1:${port} did not answer within 10 s.`,
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it("fails on an answer over 1 MB, naming the cut", async () => {
    await expect(runWebhook(`http://127.0.0.1:${port}/huge`)).rejects.toThrow(
      `127.0.0.1:${port} answered with more than 1048576 bytes; reading stopped.`,
    );
  });

  it("does not follow a redirect: the 302 fails the delivery", async () => {
    await expect(runWebhook(`http://127.0.0.1:${port}/redirect`)).rejects.toThrow(/answered 302/);
    expect(paths).toEqual(["/redirect"]);
  });
});
