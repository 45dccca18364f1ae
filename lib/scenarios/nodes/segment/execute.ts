import "server-only";
import { isUserInSegment } from "@/lib/segments/is-user-in-segment";
import type { InstantNodeExecutor } from "../node-executor";

export const segmentExecutor: InstantNodeExecutor<"segment"> = {
  spansTime: false,
  readsOnly: true,
  async execute({ node, visit }) {
    const member = await isUserInSegment(visit.db, {
      segmentCode: node.config.segment,
      userId: visit.userId,
    });
    return { outcome: member ? "yes" : "no", facts: { segment: node.config.segment, member } };
  },
  async simulate({ node, context }) {
    const member = await isUserInSegment(context.db, {
      segmentCode: node.config.segment,
      userId: context.userId,
    });
    return {
      outcome: member ? "yes" : "no",
      facts: { segment: node.config.segment, member },
      note: `${member ? "In" : "Not in"} segment ${node.config.segment}`,
    };
  },
};
