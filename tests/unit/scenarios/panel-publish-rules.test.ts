import { describe, expect, it } from "vitest";
import {
  newVariant,
  nextVariantCode,
  percentTotal,
  totalMessage,
  variantCodeMessage,
} from "@/components/builder/panel/ab-variants";
import { goalChecksMessage } from "@/components/builder/panel/goal-checks";
import { checkGraph } from "@/lib/scenarios/check-graph";
import type { GraphNode, ScenarioGraph } from "@/lib/scenarios/graph";
import type { NodeConfig } from "@/lib/scenarios/nodes/definitions";

type Variants = NodeConfig<"ab_test">["variants"];
const v = (code: string, percent: number) => ({ code, name: `Variant ${code}`, percent });
const refs = {
  templates: new Set<string>(),
  segments: new Set<string>(),
  goals: new Set(["profile"]),
  banners: new Set<number>(),
};

/** The codes publishing reports for one node's config (behind a trigger, every port left open). */
function publishCodes(type: GraphNode["type"], config: unknown): string[] {
  const node = {
    id: "n",
    type,
    config,
    position: { x: 0, y: 0 },
    openPorts: [],
  } as unknown as GraphNode;
  const graph: ScenarioGraph = {
    nodes: [
      { id: "t", type: "event", config: { event: "user.created" }, position: { x: 0, y: 0 } },
      node,
    ],
    edges: [{ id: "e", from: "t", fromPort: "out", to: "n" }],
  };
  return checkGraph(graph, refs)
    .filter((e) => e.code !== "port_unconnected")
    .map((e) => e.code);
}

describe("panel A/B variants — the rules publishing applies, shown while typing", () => {
  it("shows the running total, in red until it is 100", () => {
    expect(totalMessage([v("A", 50), v("B", 40)])).toEqual({
      text: "Total 90% — must be 100%",
      ok: false,
    });
    expect(totalMessage([v("A", 50), v("B", 50)])).toEqual({ text: "Total 100%", ok: true });
    for (const variants of [
      [v("A", 50), v("B", 40)],
      [v("A", 60), v("B", 40)],
      [v("A", 70), v("B", 40)],
    ] as Variants[]) {
      expect(totalMessage(variants).ok).toBe(
        !publishCodes("ab_test", { variants }).includes("ab_percent_sum"),
      );
    }
  });

  it("adds a variant with the next free letter and the share still missing", () => {
    expect(nextVariantCode([v("A", 50), v("B", 50)])).toBe("C");
    expect(nextVariantCode([v("A", 50), v("C", 50)])).toBe("B");
    expect(newVariant([v("A", 50), v("B", 30)])).toEqual({
      code: "C",
      name: "Variant C",
      percent: 20,
    });
    expect(newVariant([v("A", 50), v("B", 50)]).percent).toBe(0);
    const all = Array.from({ length: 26 }, (_, i) => v(String.fromCharCode(65 + i), 0));
    expect(nextVariantCode(all)).toBe("V27");
    expect(percentTotal([v("A", 50), { ...v("B", 0), percent: Number.NaN }])).toBe(50);
  });

  it("flags a duplicate or malformed code as publishing would", () => {
    const variants = [v("A", 50), v("A", 50)];
    expect(variantCodeMessage(variants, 1)).toBe("Two variants share this code.");
    expect(publishCodes("ab_test", { variants })).toContain("ab_variant_duplicate");
    expect(variantCodeMessage([v("A", 50), v("b c", 50)], 1)).toBe("Use letters, digits, - and _.");
    expect(variantCodeMessage([v("A", 50), v("", 50)], 1)).toBe("Required.");
    expect(variantCodeMessage([v("A", 50), v("B-2", 50)], 1)).toBeNull();
  });
});

describe("panel goal rechecks — the same limit publishing enforces", () => {
  it("warns exactly when publishing would refuse the recheck period", () => {
    const cases: [number, number | null][] = [
      [60, 7 * 1440],
      [1, 7 * 1440],
      [60, null],
      [1440, null],
      [30, 150 * 60],
      [30, 151 * 60],
    ];
    for (const [recheckMinutes, timeoutMinutes] of cases) {
      const refused = publishCodes("goal", {
        goals: ["profile"],
        recheckMinutes,
        timeoutMinutes,
      }).includes("goal_recheck_too_frequent");
      expect([
        recheckMinutes,
        timeoutMinutes,
        goalChecksMessage(recheckMinutes, timeoutMinutes) !== null,
      ]).toEqual([recheckMinutes, timeoutMinutes, refused]);
    }
  });
});
