import "server-only";
import { findGenericAction } from "@/lib/scenarios/actions";
import type { InstantNodeExecutor } from "../node-executor";

export const genericExecutor: InstantNodeExecutor<"generic"> = {
  spansTime: false,
  async execute({ node, visit }) {
    const action = findGenericAction(node.config.action);
    if (!action)
      return { outcome: "failed", facts: { action: node.config.action, error: "unknown action" } };
    const params = action.params.parse(node.config.params);
    const facts = await action.execute(visit, params);
    return { outcome: "out", facts: { action: action.code, ...facts } };
  },
  async simulate({ node }) {
    const action = findGenericAction(node.config.action);
    const parsed = action?.params.safeParse(node.config.params);
    if (!action || !parsed?.success) {
      return {
        outcome: "failed",
        facts: { action: node.config.action },
        note: `Action ${node.config.action} is not usable`,
      };
    }
    return {
      outcome: "out",
      facts: { action: action.code },
      note: `Would ${action.describe(parsed.data)}`,
    };
  },
};
