/** Everything the builder's parts can ask of its store (`builderReducer`). */
import type { Connection } from "@xyflow/react";
import type { GraphErrorView } from "@/lib/scenarios/scenario-view-types";
import type { ContextTarget } from "@/components/builder/builder-canvas";
import type { PanelTab } from "@/components/builder/builder-side-panel";
import type { StatsSettings } from "@/components/builder/builder-toolbars";
import type { InspectedPath } from "@/components/builder/inspector/run-inspector";
import type { GraphNode, ScenarioGraph } from "@/lib/scenarios/graph";
import type { NodeType } from "@/lib/scenarios/nodes/definitions";
import type { BuilderDialogKind, VersionGraph } from "./builder-state";

type Position = { x: number; y: number };
type Size = { width: number; height: number };

export type BuilderAction =
  | { type: "markReady" }
  | { type: "measure"; sizes: Record<string, Size> }
  /** Selection changes React Flow reports: clicks, Ctrl+click, the Shift box. */
  | { type: "applyNodeSelection"; changes: { id: string; selected: boolean }[] }
  | { type: "applyEdgeSelection"; changes: { id: string; selected: boolean }[] }
  | { type: "select"; nodes: string[]; edges?: string[] }
  | { type: "selectAll" }
  /** Escape: close the menu and clear the selection. */
  | { type: "dismiss" }
  /** Select a node, show its form and bring it into view (from the issues list, the menu, a port's target). */
  | { type: "focusNode"; nodeId: string }
  | { type: "fitView" }
  | { type: "moveNodes"; positions: Record<string, Position> }
  | { type: "connect"; connection: Connection }
  | { type: "remove"; nodeIds: string[]; edgeIds: string[] }
  /** A node dropped from the palette where it was dropped. */
  | { type: "dropNode"; nodeType: NodeType; position: Position }
  /** A node added from the palette by click or keyboard, about `position`, staggered so repeated adds do not stack. */
  | { type: "addNodeInView"; nodeType: NodeType; position: Position }
  | { type: "copy" }
  | { type: "paste" }
  | { type: "duplicate" }
  | { type: "autoLayout" }
  /** A node's form changed; the changes of one node's form in a row are one undo step. */
  | { type: "updateConfig"; nodeId: string; config: GraphNode["config"] }
  | { type: "setPortOpen"; nodeId: string; port: string; open: boolean }
  | { type: "importGraph"; graph: ScenarioGraph }
  | { type: "undo" }
  | { type: "redo" }
  | { type: "showTab"; tab: PanelTab }
  /** Autosave stored the draft and the server checked it. */
  | { type: "draftChecked"; errors: GraphErrorView[] }
  | { type: "publishRefused"; errors: GraphErrorView[] }
  | { type: "published"; version: number }
  /** The notice has been shown long enough. */
  | { type: "clearNotice" }
  | { type: "viewVersion"; version: VersionGraph | null }
  | { type: "restoreVersion"; version: VersionGraph }
  | { type: "showPath"; path: InspectedPath | null }
  | { type: "backToDraft" }
  | { type: "setStatsSettings"; settings: StatsSettings }
  | { type: "openMenu"; target: ContextTarget; at: Position }
  | { type: "closeMenu" }
  | { type: "openDialog"; dialog: BuilderDialogKind }
  | { type: "closeDialog" }
  | { type: "setDeleted"; deleted: boolean };
