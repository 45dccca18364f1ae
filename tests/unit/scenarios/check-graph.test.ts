import { describe, expect, it } from "vitest";
import { checkGraph, type GraphReferences } from "@/lib/scenarios/check-graph";
import type { GraphEdge, GraphNode, ScenarioGraph } from "@/lib/scenarios/graph";

const refs: GraphReferences = {
  templates: new Set(["welcome"]),
  segments: new Set(["vip"]),
  goals: new Set(["profile"]),
  banners: new Set([1]),
};

const at = { x: 0, y: 0 };
const node = (
  id: string,
  type: GraphNode["type"],
  config: unknown,
  openPorts?: string[],
): GraphNode =>
  ({ id, type, config, position: at, ...(openPorts ? { openPorts } : {}) }) as GraphNode;
const edge = (id: string, from: string, fromPort: string, to: string): GraphEdge => ({
  id,
  from,
  fromPort,
  to,
});

const trigger = (event = "user.created") => node("t", "event", { event });
const emailEnd = (id = "mail", template = "welcome") => node(id, "email", { template }, ["out"]);

/** trigger → email (its out left open): the smallest valid graph. */
const valid = (): ScenarioGraph => ({
  nodes: [trigger(), emailEnd()],
  edges: [edge("e1", "t", "out", "mail")],
});

const codes = (graph: ScenarioGraph) => checkGraph(graph, refs).map((e) => `${e.nodeId}:${e.code}`);

describe("checkGraph — design.md's validation rules, one case each", () => {
  it("accepts a valid graph", () => {
    expect(checkGraph(valid(), refs)).toEqual([]);
  });

  it("needs a trigger", () => {
    expect(codes({ nodes: [emailEnd()], edges: [] })).toContain("null:no_trigger");
  });

  it("refuses a trigger on an event scenarios cannot start on, and accepts custom events", () => {
    const graph = valid();
    graph.nodes[0] = trigger("user.deleted");
    expect(codes(graph)).toContain("t:trigger_unknown");
    graph.nodes[0] = trigger("custom.newsletter_signup");
    expect(codes(graph)).toEqual([]);
  });

  it("lets only a subscription end choose when it fires", () => {
    const graph = valid();
    graph.nodes[0] = node("t", "before_event", {
      trigger: "subscription_ends",
      minutes: 60,
      fires: "every_end",
    });
    expect(codes(graph)).toEqual([]);
    graph.nodes[0] = node("t", "before_event", {
      trigger: "recurrent_payment_charge",
      minutes: 60,
      fires: "access_ends",
    });
    expect(codes(graph)).toEqual(["t:before_event_fires_unused"]);
  });

  it("refuses a node no trigger reaches", () => {
    const graph = valid();
    graph.nodes.push(emailEnd("orphan"));
    expect(codes(graph)).toEqual(["orphan:node_unreachable"]);
  });

  it("refuses an unconnected port unless it is explicitly left open", () => {
    const graph = valid();
    graph.nodes[1] = node("mail", "email", { template: "welcome" });
    expect(codes(graph)).toEqual(["mail:port_unconnected"]);
    graph.nodes[1] = node("mail", "email", { template: "welcome" }, ["out"]);
    expect(codes(graph)).toEqual([]);
    graph.nodes[1] = node("mail", "email", { template: "welcome" }, ["out", "yes"]);
    expect(codes(graph)).toEqual(["mail:open_port_unknown"]);
  });

  it("requires both ports of a condition, segment and goal", () => {
    const graph: ScenarioGraph = {
      nodes: [
        trigger(),
        node("c", "condition", {
          criteria: [{ kind: "user", key: "email_domain", operator: "is", value: "example.com" }],
        }),
        emailEnd(),
      ],
      edges: [edge("e1", "t", "out", "c"), edge("e2", "c", "yes", "mail")],
    };
    expect(codes(graph)).toEqual(["c:port_unconnected"]);
  });

  it("refuses edges from unknown ports, to missing nodes and into triggers; duplicate ids", () => {
    expect(codes({ ...valid(), edges: [edge("e1", "t", "yes", "mail")] })).toContain(
      "t:edge_port_unknown",
    );
    expect(
      codes({ ...valid(), edges: [...valid().edges, edge("e2", "t", "out", "ghost")] }),
    ).toContain("t:edge_node_missing");
    expect(
      codes({ ...valid(), edges: [...valid().edges, edge("e2", "mail", "out", "t")] }),
    ).toContain("t:edge_into_trigger");
    expect(
      codes({ ...valid(), edges: [...valid().edges, edge("e1", "t", "out", "mail")] }),
    ).toContain("t:duplicate_edge_id");
    expect(codes({ ...valid(), nodes: [...valid().nodes, emailEnd()] })).toContain(
      "mail:duplicate_node_id",
    );
    expect(
      codes({ ...valid(), edges: [...valid().edges, edge("e2", "t", "out", "mail")] }),
    ).toContain("t:duplicate_edge");
  });

  it("names ports in its messages as the builder's panel does (portName)", () => {
    const messages = (graph: ScenarioGraph) => checkGraph(graph, refs).map((e) => e.message);
    const ab = node("ab", "ab_test", {
      variants: [
        { code: "A", name: "A", percent: 50 },
        { code: "B", name: "B", percent: 50 },
      ],
    });
    expect(
      messages({
        nodes: [trigger(), node("mail", "email", { template: "welcome" }), ab],
        edges: [edge("e1", "t", "out", "ab"), edge("e2", "ab", "variant:A", "mail")],
      }),
    ).toEqual([
      'Connect the "next" output, or mark it as left open (the run ends there).',
      'Connect the "variant B" output, or mark it as left open (the run ends there).',
    ]);
  });

  it("requires A/B percentages to sum to 100 with distinct codes", () => {
    const ab = (variants: { code: string; name: string; percent: number }[]): ScenarioGraph => ({
      nodes: [
        trigger(),
        node(
          "ab",
          "ab_test",
          { variants },
          variants.map((v) => `variant:${v.code}`),
        ),
      ],
      edges: [edge("e1", "t", "out", "ab")],
    });
    expect(
      codes(
        ab([
          { code: "A", name: "A", percent: 50 },
          { code: "B", name: "B", percent: 40 },
        ]),
      ),
    ).toEqual(["ab:ab_percent_sum"]);
    expect(
      codes(
        ab([
          { code: "A", name: "A", percent: 50 },
          { code: "A", name: "B", percent: 50 },
        ]),
      ),
    ).toEqual(["ab:ab_variant_duplicate"]);
    expect(
      codes(
        ab([
          { code: "A", name: "A", percent: 30 },
          { code: "B", name: "B", percent: 70 },
        ]),
      ),
    ).toEqual([]);
  });

  it("allows cycles only through a wait or a goal", () => {
    const loop = (middle: GraphNode): ScenarioGraph => ({
      nodes: [trigger(), node("mail", "email", { template: "welcome" }), middle],
      edges: [
        edge("e1", "t", "out", "mail"),
        edge("e2", "mail", "out", "m"),
        edge("e3", "m", "out", "mail"),
      ],
    });
    expect(
      codes(loop(node("m", "generic", { action: "extend_subscription", params: { days: 1 } }))),
    ).toEqual(expect.arrayContaining(["mail:cycle_without_wait", "m:cycle_without_wait"]));
    expect(codes(loop(node("m", "wait", { minutes: 1440 })))).toEqual([]);
  });

  it("refuses criteria the trigger cannot feed, unknown criteria, bad operators and values", () => {
    const condition = (event: string, criterion: Record<string, unknown>): ScenarioGraph => ({
      nodes: [trigger(event), node("c", "condition", { criteria: [criterion] }, ["yes", "no"])],
      edges: [edge("e1", "t", "out", "c")],
    });
    const amount = { kind: "payment", key: "amount", operator: "lt", value: 1000 };
    expect(codes(condition("user.created", amount))).toEqual(["c:criterion_incompatible"]);
    expect(codes(condition("payment.paid", amount))).toEqual([]);
    expect(
      codes(
        condition("user.created", {
          kind: "trigger",
          key: "has_payment",
          operator: "is",
          value: true,
        }),
      ),
    ).toEqual([]);
    expect(codes(condition("payment.paid", { ...amount, key: "colour" }))).toEqual([
      "c:criterion_unknown",
    ]);
    expect(codes(condition("payment.paid", { ...amount, operator: "contains" }))).toEqual([
      "c:criterion_operator_invalid",
    ]);
    expect(codes(condition("payment.paid", { ...amount, value: "cheap" }))).toEqual([
      "c:criterion_value_invalid",
    ]);
  });

  it("refuses references to templates, segments, goals and banners that do not exist", () => {
    const single = (n: GraphNode): ScenarioGraph => ({
      nodes: [trigger(), n],
      edges: [edge("e1", "t", "out", n.id)],
    });
    expect(codes(single(emailEnd("mail", "nope")))).toEqual(["mail:template_not_found"]);
    expect(codes(single(node("s", "segment", { segment: "nope" }, ["yes", "no"])))).toEqual([
      "s:segment_not_found",
    ]);
    expect(
      codes(
        single(
          node("g", "goal", { goals: ["nope"], recheckMinutes: 60, timeoutMinutes: 1440 }, [
            "yes",
            "no",
          ]),
        ),
      ),
    ).toEqual(["g:goal_not_found"]);
    expect(
      codes(single(node("b", "banner", { bannerId: 9, expiresAfterMinutes: null }, ["out"]))),
    ).toEqual(["b:banner_not_found"]);
    expect(codes(single(node("s", "segment", { segment: "vip" }, ["yes", "no"])))).toEqual([]);
  });

  it("checks generic actions against their registry schema", () => {
    const single = (n: GraphNode): ScenarioGraph => ({
      nodes: [trigger(), n],
      edges: [edge("e1", "t", "out", n.id)],
    });
    expect(
      codes(single(node("a", "generic", { action: "teleport", params: {} }, ["out"]))),
    ).toEqual(["a:action_unknown"]);
    expect(
      codes(
        single(
          node("a", "generic", { action: "extend_subscription", params: { days: 0 } }, ["out"]),
        ),
      ),
    ).toEqual(["a:action_params_invalid"]);
    expect(
      codes(
        single(
          node("a", "generic", { action: "webhook", params: { url: "https://example.com/hook" } }, [
            "out",
          ]),
        ),
      ),
    ).toEqual([]);
  });

  it("refuses a goal that would recheck more often than a run can hold", () => {
    const goal = (recheckMinutes: number, timeoutMinutes: number | null): ScenarioGraph => ({
      nodes: [
        trigger(),
        node("g", "goal", { goals: ["profile"], recheckMinutes, timeoutMinutes }, ["yes", "no"]),
      ],
      edges: [edge("e1", "t", "out", "g")],
    });
    expect(codes(goal(1, 7 * 1440))).toEqual(["g:goal_recheck_too_frequent"]);
    expect(codes(goal(60, 7 * 1440))).toEqual([]);
    expect(codes(goal(60, null))).toEqual(["g:goal_recheck_too_frequent"]);
  });
});
