import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db";
import type { GraphNode } from "@/lib/scenarios/graph";
import { CONTINUES_IN_NEXT_RUN, type VisitSteps } from "@/lib/scenarios/nodes/node-executor";
import type { ClaimedRun } from "./claim-scenario-run";
import type { VisitIdentity } from "./run-visits";
import { retryHeldVisit } from "./visit-node";

/** Where a held visit is: the try it sleeps before (1 = the first after the entry step) and until when. */
const heldProgressSchema = z.object({
  tries: z.number().int().min(1),
  until: z.iso.datetime({ offset: true }),
});
export type HeldProgress = z.infer<typeof heldProgressSchema>;

/**
 * An instant visit held on entry (an email the frequency cap or quiet hours hold): the run sleeps until the node said
 * it may go (`held <n>`), then the node runs again in a step of its own (`retry <n>`), as long as it is held. Every try
 * keeps the visit's idempotency key, so a step retried after the email went does not send it again. A hold lasts at
 * most 7 days (the weekly cap's window), within one platform sleep. Before each sleep the visit may pause for the
 * run's next executor run, which goes on from the same progress.
 */
export async function sleepWhileHeld(
  db: Db,
  run: ClaimedRun,
  node: GraphNode,
  identity: VisitIdentity,
  step: VisitSteps,
  progress: Record<string, unknown>,
): Promise<string | null | typeof CONTINUES_IN_NEXT_RUN> {
  let { tries, until } = heldProgressSchema.parse(progress);
  for (;;) {
    if (step.pauseIfOutOfSteps({ tries, until } satisfies HeldProgress))
      return CONTINUES_IN_NEXT_RUN;
    await step.sleepUntil(`held ${tries}`, new Date(until));
    const retry = await step.run(`retry ${tries}`, () => retryHeldVisit(db, run, node, identity));
    if (retry.status !== "held") return retry.status === "done" ? retry.port : null;
    tries++;
    until = retry.until;
  }
}
