import "server-only";
import { evaluateCriteria } from "@/lib/scenarios/criteria";
import type { InstantNodeExecutor } from "../node-executor";

function describe(facts: Awaited<ReturnType<typeof evaluateCriteria>>["facts"]): string {
  const decided = facts.decidedBy;
  if (!decided) return `all ${facts.criteria.length} criteria hold → yes`;
  return `${decided.kind} ${decided.key}: ${JSON.stringify(decided.actual)} ${decided.operator} ${JSON.stringify(decided.expected)} fails → no`;
}

export const conditionExecutor: InstantNodeExecutor<"condition"> = {
  spansTime: false,
  readsOnly: true,
  async execute({ node, visit }) {
    const result = await evaluateCriteria(visit, node.config.criteria);
    return {
      outcome: result.holds ? "yes" : "no",
      facts: { ...result.facts, summary: describe(result.facts) },
    };
  },
  async simulate({ node, context }) {
    const result = await evaluateCriteria(context, node.config.criteria);
    const summary = describe(result.facts);
    return {
      outcome: result.holds ? "yes" : "no",
      facts: { ...result.facts, summary },
      note: summary,
    };
  },
};
