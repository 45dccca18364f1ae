import { describe, expect, it } from "vitest";
import { configIssues } from "@/components/builder/panel/config-issues";
import type { GraphNode } from "@/lib/scenarios/graph";
import { NODE_DEFINITIONS, NODE_TYPES } from "@/lib/scenarios/nodes/definitions";

const node = (type: GraphNode["type"], config: unknown) =>
  ({ id: "n", type, config, position: { x: 0, y: 0 } }) as GraphNode;

describe("panel inline validation — schema issues under the field they are about", () => {
  it("has nothing to say about a valid config", () => {
    const issues = configIssues(node("wait", { minutes: 60 }));
    expect(issues.root).toEqual([]);
    expect(issues.at("minutes")).toEqual([]);
  });

  it("keys each message by its field's path, in plain words", () => {
    const ab = configIssues(node("ab_test", { variants: [{ code: "A", name: "", percent: 120 }] }));
    expect(ab.at("variants")).toEqual(["An A/B test needs two variants."]);
    expect(ab.at("variants.0.name")).toEqual(["Required."]);
    expect(ab.at("variants.0.percent")).toEqual(["Must be at most 100."]);
    expect(configIssues(node("wait", { minutes: 1.5 })).at("minutes")).toEqual([
      "Enter a whole number.",
    ]);
    expect(configIssues(node("condition", { criteria: [] })).at("criteria")).toEqual([
      "Add at least one criterion.",
    ]);
    expect(
      configIssues(node("goal", { goals: [], recheckMinutes: 60, timeoutMinutes: null })).at(
        "goals",
      ),
    ).toEqual(["Choose at least one goal."]);
    expect(configIssues(node("segment", { segment: "Bad Code" })).at("segment")).toEqual([
      "Use lowercase letters, digits, - and _.",
    ]);
    expect(configIssues(node("email", {})).at("template")).toEqual(["Required."]);
  });

  it("reports settings a node does not have at the top", () => {
    expect(configIssues(node("wait", { minutes: 60, hours: 1 })).root).toEqual([
      "Unexpected setting: hours.",
    ]);
  });

  it("knows every node type, and new nodes start without issues except the choices left to the author", () => {
    const pending = NODE_TYPES.filter((type) => {
      const issues = configIssues(node(type, NODE_DEFINITIONS[type].defaultConfig));
      return (
        issues.root.length > 0 ||
        Object.keys(NODE_DEFINITIONS[type].defaultConfig).some((k) => issues.at(k).length > 0)
      );
    });
    expect(pending.sort()).toEqual(["goal", "segment"]);
  });
});
