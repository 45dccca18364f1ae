import "server-only";
import { isUserInSegment } from "@/lib/segments/is-user-in-segment";
import type { NodeExecutor } from "./node-executor";

export const segmentExecutor: NodeExecutor<"segment"> = {
  async execute(visit, node) {
    const member = await isUserInSegment(visit.db, { segmentCode: node.config.segment, userId: visit.userId });
    return { outcome: member ? "yes" : "no", facts: { segment: node.config.segment, member } };
  },
  async simulate(context, node) {
    const member = await isUserInSegment(context.db, { segmentCode: node.config.segment, userId: context.userId });
    return {
      outcome: member ? "yes" : "no",
      facts: { segment: node.config.segment, member },
      note: `${member ? "In" : "Not in"} segment ${node.config.segment}`,
    };
  },
};
