import "server-only";
import { randomInt } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { scenarioAbAssignments } from "@/lib/db/schema";
import type { NodeOf } from "@/lib/scenarios/graph";
import type { InstantNodeExecutor } from "../node-executor";
import { variantPort } from "./variant-port";

/** Draw a variant by its percent from a cryptographic source (0–99 falls into one variant's share). */
export function drawVariant(node: NodeOf<"ab_test">): string {
  let point = randomInt(100);
  for (const variant of node.config.variants) {
    if (point < variant.percent) return variant.code;
    point -= variant.percent;
  }
  return node.config.variants[node.config.variants.length - 1]!.code;
}

/** The variant a user was assigned at this node of this scenario, if one was drawn. */
async function findAssignment(
  db: Db,
  key: { scenarioId: number; nodeId: string; userId: number },
): Promise<typeof scenarioAbAssignments.$inferSelect | undefined> {
  const [assigned] = await db
    .select()
    .from(scenarioAbAssignments)
    .where(
      and(
        eq(scenarioAbAssignments.scenarioId, key.scenarioId),
        eq(scenarioAbAssignments.nodeId, key.nodeId),
        eq(scenarioAbAssignments.userId, key.userId),
      ),
    );
  return assigned;
}

export const abTestExecutor: InstantNodeExecutor<"ab_test"> = {
  spansTime: false,
  async execute({ node, visit }) {
    // Insert-or-keep makes the first draw sticky, also when two runs of the same user reach the node at once.
    await visit.db
      .insert(scenarioAbAssignments)
      .values({
        scenarioId: visit.scenarioId,
        nodeId: node.id,
        userId: visit.userId,
        variant: drawVariant(node),
        assignedAt: now(),
      })
      .onConflictDoNothing();
    const assigned = await findAssignment(visit.db, {
      scenarioId: visit.scenarioId,
      nodeId: node.id,
      userId: visit.userId,
    });
    const variant = node.config.variants.find((v) => v.code === assigned!.variant);
    // A variant removed in a later version: draw again for this version without changing the stored assignment.
    const code = variant?.code ?? drawVariant(node);
    return {
      outcome: variantPort(code),
      facts: {
        variant: code,
        assigned_at: assigned!.assignedAt.toISOString(),
        sticky: variant !== undefined,
      },
    };
  },
  async simulate({ node, context }) {
    const assigned = await findAssignment(context.db, {
      scenarioId: context.scenarioId,
      nodeId: node.id,
      userId: context.userId,
    });
    const known = node.config.variants.find((v) => v.code === assigned?.variant);
    if (known)
      return {
        outcome: variantPort(known.code),
        facts: { variant: known.code, sticky: true },
        note: `Assigned variant ${known.code} earlier`,
      };
    const likeliest = [...node.config.variants].sort((a, b) => b.percent - a.percent)[0]!;
    return {
      outcome: variantPort(likeliest.code),
      facts: { variant: likeliest.code, drawn: false },
      note: `Not drawn yet: shows the likeliest variant ${likeliest.code} (${likeliest.percent}%)`,
    };
  },
};
