/**
 * The bare canvas the builder bench compares the builder with: `@xyflow/react` with its default node and edge
 * components, the same Background, Controls and MiniMap, drawing the nodes and edges the page was given, in a box the
 * size of the builder's canvas. Bundled by `serve-bare-canvas.ts`; never part of the app.
 */
import "@xyflow/react/dist/style.css";
import {
  applyNodeChanges,
  Background,
  Controls,
  type Edge,
  MiniMap,
  type Node,
  type NodeChange,
  ReactFlow,
} from "@xyflow/react";
import { useCallback, useState } from "react";
import { createRoot } from "react-dom/client";

export interface BareCanvasInput {
  nodes: Node[];
  edges: Edge[];
  width: number;
  height: number;
}

function BareCanvas({ input }: { input: BareCanvasInput }) {
  const [nodes, setNodes] = useState(input.nodes);
  const [ready, setReady] = useState(false);
  const onNodesChange = useCallback(
    (changes: NodeChange[]) => setNodes((current) => applyNodeChanges(changes, current)),
    [],
  );
  return (
    <div
      style={{ width: input.width, height: input.height, position: "relative" }}
      data-testid="bare-canvas"
      data-ready={ready ? "true" : "false"}
    >
      <ReactFlow
        nodes={nodes}
        edges={input.edges}
        onNodesChange={onNodesChange}
        onInit={() => setReady(true)}
        fitView
        fitViewOptions={{ padding: 0.2, maxZoom: 1 }}
        minZoom={0.1}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
        defaultEdgeOptions={{ type: "smoothstep" }}
      >
        <Background gap={16} />
        <Controls showInteractive={false} position="bottom-left" />
        <MiniMap pannable zoomable position="bottom-right" style={{ width: 150, height: 100 }} />
      </ReactFlow>
    </div>
  );
}

const input = JSON.parse(
  document.getElementById("bare-canvas-input")!.textContent!,
) as BareCanvasInput;
createRoot(document.getElementById("root")!).render(<BareCanvas input={input} />);
