import type { BuilderOptions } from "@/lib/scenarios/builder-option-types";
import type { NodeConfig, NodeType } from "@/lib/scenarios/nodes/definitions";
import type { ConfigIssues } from "./config-issues";

/** What every node type's form gets: its config, the lists to choose from, inline issues, and where edits go. */
export interface NodeFormProps<T extends NodeType> {
  config: NodeConfig<T>;
  options: BuilderOptions;
  issues: ConfigIssues;
  onChange(config: NodeConfig<T>): void;
}
