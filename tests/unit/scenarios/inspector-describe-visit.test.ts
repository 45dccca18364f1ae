import { describe, expect, it } from "vitest";
import { describeVisit, explainVisit } from "@/lib/scenarios/inspector/describe-visit";
import type { Payment, User } from "@/lib/db/schema";
import { describeCriteria } from "@/lib/scenarios/criteria";
import type { NodeOf } from "@/lib/scenarios/graph";
import type { Criterion } from "@/lib/scenarios/nodes/condition/definition";
import { formatCents } from "@/lib/scenarios/nodes/condition/describe-condition-visit";
import { conditionExecutor } from "@/lib/scenarios/nodes/condition/execute";
import type { RunContext } from "@/lib/scenarios/run-context";

const criteria = describeCriteria();

/** A run context that answers from memory: the condition executor records its facts as it does in a run. */
function contextOf(options: {
  email?: string;
  registeredAt?: string;
  amountCents?: number | null;
  recurrent?: boolean;
}): RunContext & { scenarioId: number } {
  const payment =
    options.amountCents === null || options.amountCents === undefined
      ? null
      : ({
          amountCents: options.amountCents,
          gateway: "stripe",
          recurrentPaymentId: options.recurrent ? 7 : null,
          recurrentCardToken: null,
        } as Payment);
  return {
    db: null as never,
    now: new Date("2026-03-31T12:00:00Z"),
    userId: 1,
    scenarioId: 1,
    trigger: { event: "payment.completed", payload: {} },
    user: async () =>
      ({
        email: options.email ?? "jane@example.com",
        createdAt: new Date(options.registeredAt ?? "2026-03-01T08:30:00Z"),
      }) as User,
    payment: async () => payment,
    subscription: async () => null,
  };
}

async function conditionLine(
  criteriaOfNode: Criterion[],
  context: RunContext & { scenarioId: number },
): Promise<string> {
  const node: NodeOf<"condition"> = {
    id: "c",
    type: "condition",
    config: { criteria: criteriaOfNode },
    position: { x: 0, y: 0 },
  };
  const result = await conditionExecutor.simulate({ node, context });
  return describeVisit("condition", result.outcome, result.facts, { criteria });
}

describe("describeVisit — a condition's decision from the facts the engine records", () => {
  it("names the criterion that said no, with money in cents shown as a decimal and the operator as a symbol", async () => {
    const line = await conditionLine(
      [{ kind: "payment", key: "amount", operator: "lt", value: 1000 }],
      contextOf({ amountCents: 1499 }),
    );
    expect(line).toBe("condition: payment amount 14.99 < 10 → no");
  });

  it("lists every criterion that held on yes", async () => {
    const line = await conditionLine(
      [
        { kind: "payment", key: "amount", operator: "lt", value: 1000 },
        { kind: "user", key: "email_domain", operator: "is", value: "example.com" },
      ],
      contextOf({ amountCents: 499 }),
    );
    expect(line).toBe(
      "condition: payment amount 4.99 < 10 and email domain example.com = example.com → yes",
    );
  });

  it("says (none) when the trigger carried no payment to compare", async () => {
    const line = await conditionLine(
      [{ kind: "payment", key: "amount", operator: "gte", value: 500 }],
      contextOf({ amountCents: null }),
    );
    expect(line).toBe("condition: payment amount (none) ≥ 5 → no");
  });

  it("writes the day count into operators that read 'N days', and shows a registration timestamp as its date", async () => {
    const line = await conditionLine(
      [{ kind: "user", key: "registration_date", operator: "within_days", value: 7 }],
      contextOf({ registeredAt: "2026-03-01T08:30:00Z" }),
    );
    expect(line).toBe("condition: registration date 2026-03-01 within the last 7 days → no");
  });

  it("shows yes/no criteria as words and what they needed", async () => {
    const line = await conditionLine(
      [{ kind: "payment", key: "recurrent", operator: "is", value: true }],
      contextOf({ amountCents: 499, recurrent: false }),
    );
    expect(line).toBe("condition: payment is recurrent: no, needs yes → no");
  });

  it("says so when a stored criterion is no longer in the registry", async () => {
    const line = await conditionLine(
      [{ kind: "user", key: "shoe_size", operator: "gt", value: 40 }],
      contextOf({}),
    );
    expect(line).toBe("condition: user shoe size: criterion unavailable → no");
  });

  it("shows list values and membership for subscription types", () => {
    const facts = {
      criteria: [],
      decidedBy: {
        kind: "subscription",
        key: "type",
        operator: "is",
        expected: ["web", "print"],
        actual: "monthly",
        holds: false,
      },
    };
    expect(describeVisit("condition", "no", facts, { criteria })).toBe(
      "condition: subscription type monthly in web, print → no",
    );
  });

  it("falls back to keys and the stored summary without the registry", () => {
    const facts = {
      decidedBy: {
        kind: "payment",
        key: "amount",
        operator: "lt",
        expected: 1000,
        actual: 499,
        holds: false,
      },
    };
    expect(describeVisit("condition", "no", facts)).toBe(
      "condition: payment amount 499 < 1000 → no",
    );
    expect(describeVisit("condition", "yes", { summary: "all 2 criteria hold → yes" })).toBe(
      "condition: all 2 criteria hold → yes",
    );
  });
});

describe("describeVisit — the other node types", () => {
  it("segment and A/B test say where the user went", () => {
    expect(describeVisit("segment", "yes", { segment: "web_readers", member: true })).toBe(
      "segment web_readers → yes",
    );
    expect(explainVisit("segment", "no", { segment: "web_readers", member: false }).reason).toBe(
      "not in web_readers",
    );
    expect(
      describeVisit("ab_test", "variant:B", {
        variant: "B",
        assigned_at: "2026-03-01T00:00:00.000Z",
        sticky: true,
      }),
    ).toBe("A/B → variant B");
    expect(
      describeVisit("ab_test", "variant:A", { variant: "A", drawn: false }, { simulated: true }),
    ).toBe("A/B → variant A (likeliest, not drawn yet)");
  });

  it("a wait says how long, from its facts or, while waiting, from its config", () => {
    expect(describeVisit("wait", "out", { minutes: 4320 })).toBe("wait 3 days → next");
    expect(describeVisit("wait", null, {}, { config: { minutes: 120 } })).toBe(
      "wait 2 hours: waiting",
    );
  });

  it("a goal says what was completed, what was missing, or what it waits for", () => {
    expect(
      describeVisit("goal", "yes", {
        goals: ["signup", "purchase"],
        completed: ["signup", "purchase"],
        missing: [],
        timed_out: false,
      }),
    ).toBe("goal: completed signup, purchase → yes");
    expect(
      describeVisit("goal", "no", {
        goals: ["purchase"],
        completed: [],
        missing: ["purchase"],
        timed_out: true,
      }),
    ).toBe("goal: timed out, missing purchase → no");
    expect(
      describeVisit("goal", "no", {
        goals: ["purchase"],
        missing: ["purchase"],
        timed_out: true,
        reason: "recheck limit reached",
      }),
    ).toBe("goal: gave up (recheck limit reached), missing purchase → no");
    expect(describeVisit("goal", null, { missing: ["purchase"] }, { simulated: true })).toBe(
      "goal: waiting for purchase",
    );
  });

  it("actions say what was done, or in a simulation what would be", () => {
    expect(
      describeVisit("email", "out", { template: "renewal_reminder", email_id: 3, sent_now: true }),
    ).toBe("email renewal_reminder sent");
    expect(
      describeVisit("email", "out", { template: "renewal_reminder", email_id: 3, sent_now: false }),
    ).toBe("email renewal_reminder already sent");
    expect(describeVisit("email", "out", { template: "welcome" }, { simulated: true })).toBe(
      "email welcome would be sent",
    );
    expect(
      describeVisit("banner", "out", { banner_id: 4, expires_at: null, shown_now: true }),
    ).toBe("banner #4 shown");
    expect(describeVisit("generic", "out", { action: "extend_subscription" })).toBe(
      "action extend_subscription done",
    );
    expect(describeVisit("generic", null, { action: "gone" }, { simulated: true })).toBe(
      "action gone: not possible",
    );
  });

  it("triggers, stops and failures", () => {
    expect(describeVisit("event", "out", { event: "user.created" })).toBe(
      "entered on user.created",
    );
    expect(describeVisit("email", "cancelled", { reason: "scenario disabled" })).toBe(
      "email cancelled: scenario disabled",
    );
    expect(describeVisit("generic", "failed", { action: "nope", error: "unknown action" })).toBe(
      "action failed: unknown action",
    );
    expect(describeVisit("condition", null, {})).toBe("condition: in progress");
  });
});

describe("formatCents", () => {
  it("drops zero cents and keeps the rest", () => {
    expect([formatCents(499), formatCents(1000), formatCents(5), formatCents(0)]).toEqual([
      "4.99",
      "10",
      "0.05",
      "0",
    ]);
  });
});
