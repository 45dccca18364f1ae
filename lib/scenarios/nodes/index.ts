import "server-only";
import type { GraphNode } from "@/lib/scenarios/graph";
import { abTestExecutor } from "./ab-test";
import { bannerExecutor } from "./banner";
import { conditionExecutor } from "./condition";
import { emailExecutor } from "./email";
import { genericExecutor } from "./generic";
import type { NodeExecutor } from "./node-executor";
import { segmentExecutor } from "./segment";
import { triggerExecutor } from "./trigger";

type InstantType = Exclude<GraphNode["type"], "wait" | "goal">;

/** Executors of the nodes that run in one step; `wait` and `goal` span time and are walked by the run function. */
const EXECUTORS: { [T in InstantType]: NodeExecutor<T> } = {
  event: triggerExecutor as NodeExecutor<"event">,
  before_event: triggerExecutor as NodeExecutor<"before_event">,
  condition: conditionExecutor,
  segment: segmentExecutor,
  email: emailExecutor,
  banner: bannerExecutor,
  generic: genericExecutor,
  ab_test: abTestExecutor,
};

export function executorFor(node: GraphNode): NodeExecutor<InstantType> | null {
  return node.type === "wait" || node.type === "goal" ? null : (EXECUTORS[node.type] as NodeExecutor<InstantType>);
}
