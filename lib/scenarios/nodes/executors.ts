import "server-only";
import type { GraphNode } from "@/lib/scenarios/graph";
import { abTestExecutor } from "./ab-test/execute";
import { bannerExecutor } from "./banner/execute";
import { beforeEventExecutor } from "./before-event/execute";
import { conditionExecutor } from "./condition/execute";
import type { NodeDefinitions, NodeType } from "./definitions";
import { emailExecutor } from "./email/execute";
import { eventExecutor } from "./event/execute";
import { genericExecutor } from "./generic/execute";
import { goalExecutor } from "./goal/execute";
import type {
  HeldResult,
  InstantNodeExecutor,
  NodeResult,
  TimedNodeExecutor,
} from "./node-executor";
import { segmentExecutor } from "./segment/execute";
import { waitExecutor } from "./wait/execute";
import { waitEventExecutor } from "./wait-event/execute";

/** A type's executor: timed when its definition says the node spans time, instant otherwise. */
type ExecutorOf<T extends NodeType> = NodeDefinitions[T]["spansTime"] extends true
  ? TimedNodeExecutor<T>
  : InstantNodeExecutor<T, NodeResult | HeldResult>;

export type NodeExecutors = { [T in NodeType]: ExecutorOf<T> };

/** The server half of the node-type registry (`definitions.ts`): every type's executor. */
const NODE_EXECUTORS: NodeExecutors = {
  event: eventExecutor,
  before_event: beforeEventExecutor,
  condition: conditionExecutor,
  email: emailExecutor,
  banner: bannerExecutor,
  generic: genericExecutor,
  segment: segmentExecutor,
  wait: waitExecutor,
  wait_event: waitEventExecutor,
  goal: goalExecutor,
  ab_test: abTestExecutor,
};

type AnyNodeExecutor =
  InstantNodeExecutor<NodeType, NodeResult | HeldResult> | TimedNodeExecutor<NodeType>;

/** The executor of a node's type; `spansTime` tells an instant one from a timed one. */
export function executorFor(node: Pick<GraphNode, "type">): AnyNodeExecutor {
  return NODE_EXECUTORS[node.type] as AnyNodeExecutor;
}
