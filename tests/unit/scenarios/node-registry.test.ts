import { describe, expect, it } from "vitest";
import { NODE_FORMS } from "@/components/builder/panel/node-forms";
import { NODE_DEFINITIONS, NODE_TYPES } from "@/lib/scenarios/nodes/definitions";
import { executorFor } from "@/lib/scenarios/nodes/executors";

describe("the node-type registries", () => {
  it("have a definition, an executor and a panel form for every node type, each filed under its own type", () => {
    expect(NODE_TYPES.length).toBeGreaterThan(0);
    for (const type of NODE_TYPES) {
      expect(NODE_DEFINITIONS[type].type).toBe(type);
      expect(typeof executorFor({ type }).execute).toBe("function");
      expect(typeof executorFor({ type }).simulate).toBe("function");
      expect(typeof NODE_FORMS[type]).toBe("function");
    }
    expect(Object.keys(NODE_FORMS).sort()).toEqual([...NODE_TYPES].sort());
  });

  it("agree on which types span time: the walker and validation read the same answer", () => {
    const timed = NODE_TYPES.filter((type) => executorFor({ type }).spansTime);
    expect(timed).toEqual(NODE_TYPES.filter((type) => NODE_DEFINITIONS[type].spansTime));
    expect(timed.sort()).toEqual(["goal", "wait", "wait_event"]);
  });

  it("start every new node with a config its schema accepts, but for a choice the author must make (an empty list or code)", () => {
    for (const type of NODE_TYPES) {
      const { configSchema, defaultConfig } = NODE_DEFINITIONS[type];
      const parsed = configSchema.safeParse(defaultConfig, { reportInput: true });
      const issues = parsed.success ? [] : parsed.error.issues;
      const unchosen = (input: unknown) =>
        input === "" || (Array.isArray(input) && input.length === 0);
      expect([type, issues.filter((issue) => !unchosen(issue.input))]).toEqual([type, []]);
    }
  });
});
