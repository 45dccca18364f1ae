import { describe, expect, it } from "vitest";
import { expressionHolds } from "@/inngest/local/expressions";
import type { NodeOf } from "@/lib/scenarios/graph";
import { waitEventNode } from "@/lib/scenarios/nodes/wait-event/definition";
import { waitEventExpression } from "@/lib/scenarios/nodes/wait-event/execute";

const config = {
  event: "payment.paid",
  filter: [{ field: "amount_cents", op: "gte" as const, value: 500 }],
  timeoutMinutes: 3 * 1440,
};
const node = {
  id: "we",
  type: "wait_event",
  config,
  position: { x: 0, y: 0 },
} as NodeOf<"wait_event">;

describe("the wait-for-event node", () => {
  it("has the ports event and timeout, and says what it waits for", () => {
    expect(waitEventNode.ports(config)).toEqual(["event", "timeout"]);
    expect(waitEventNode.summary(config)).toBe(
      "Wait for payment.paid (amount_cents ≥ 500) · up to 3 days",
    );
    expect(waitEventNode.configSchema.safeParse(config).success).toBe(true);
    expect(waitEventNode.configSchema.safeParse({ ...config, event: "nope" }).success).toBe(false);
    expect(waitEventNode.configSchema.safeParse({ ...config, timeoutMinutes: 0 }).success).toBe(
      false,
    );
  });

  it("wakes only for the run's user's events that pass the filter", () => {
    const expression = waitEventExpression(node, 42);
    const wakes = (data: Record<string, unknown>) =>
      expressionHolds(expression, { async: { data } });
    expect(wakes({ user_id: 42, amount_cents: 500 })).toBe(true);
    expect(wakes({ user_id: 42, amount_cents: 499 })).toBe(false);
    expect(wakes({ user_id: 43, amount_cents: 900 })).toBe(false);
    const noFilter = waitEventExpression({ ...node, config: { ...config, filter: [] } }, 42);
    expect(noFilter).toBe("async.data.user_id == 42");
  });

  it("reads in the inspector as waiting, arrived (with the event id) or timed out", () => {
    const describe = (outcome: string | null, facts: Record<string, unknown> = {}) =>
      waitEventNode.describeVisit({ outcome, facts, config, criteria: [], simulated: false }).line;
    expect(describe(null)).toBe("wait for event: waiting for payment.paid");
    expect(describe("event", { event: "payment.paid", event_id: "ev1" })).toBe(
      "wait for event: payment.paid arrived (ev1) → event",
    );
    expect(describe("timeout", { event: "payment.paid", timed_out: true })).toBe(
      "wait for event: no payment.paid in time → timeout",
    );
  });
});
