"use client";

import { Handle, type NodeProps, Position } from "@xyflow/react";
import { memo } from "react";
import type { ScenarioFlowNode } from "@/lib/scenarios/flow/graph-to-flow";
import type { NodeGroup } from "@/lib/scenarios/nodes/define-node";
import { NODE_DEFINITIONS } from "@/lib/scenarios/nodes/definitions";

/** The minimap's colour for each group (the badge colours). */
export const GROUP_COLOR: Record<NodeGroup, string> = {
  trigger: "#7c3aed",
  condition: "#f59e0b",
  action: "#0284c7",
  operation: "#059669",
};

export const GROUP_STYLE: Record<NodeGroup, { card: string; badge: string }> = {
  trigger: { card: "border-violet-300 bg-violet-50", badge: "bg-violet-600 text-white" },
  condition: { card: "border-amber-300 bg-amber-50", badge: "bg-amber-500 text-white" },
  action: { card: "border-sky-300 bg-sky-50", badge: "bg-sky-600 text-white" },
  operation: { card: "border-emerald-300 bg-emerald-50", badge: "bg-emerald-600 text-white" },
};

/**
 * One scenario node: icon, type, one-line summary, visit counts by outcome, and a labelled handle per port. Zoomed
 * out past reading, the canvas hides the small print (`flow-node-detail`; builder-canvas.tsx).
 */
function ScenarioFlowNodeView({ id, data, selected, isConnectable }: NodeProps<ScenarioFlowNode>) {
  const style = GROUP_STYLE[data.group];
  const invalid = data.errors !== undefined && data.errors.length > 0;
  const total = data.counts ? Object.values(data.counts).reduce((sum, n) => sum + n, 0) : null;
  // With a run's path shown, visited nodes stand out and the rest fade.
  const pathStyle =
    data.visit === undefined
      ? ""
      : data.visit
        ? "ring-2 ring-zinc-900 ring-offset-1"
        : "opacity-40";
  const outline = invalid
    ? "border-red-500 ring-2 ring-red-500"
    : selected
      ? "ring-2 ring-brand-600 ring-offset-1"
      : "";
  return (
    <div
      className={`w-60 rounded-lg border px-3 py-2 ${style.card} ${pathStyle} ${outline}`}
      data-testid={`flow-node-${data.nodeType}`}
      data-node-id={id}
      data-invalid={invalid ? "true" : undefined}
      data-visited={data.visit === undefined ? undefined : data.visit ? "true" : "false"}
    >
      {data.isTrigger ? null : (
        <Handle
          type="target"
          position={Position.Top}
          isConnectable={isConnectable}
          className="!h-3 !w-3 !border-2 !border-white !bg-zinc-500"
        />
      )}
      <div className="flex items-center gap-2">
        <span
          className={`inline-flex h-6 w-6 shrink-0 items-center justify-center rounded text-xs ${style.badge}`}
          aria-hidden
        >
          {NODE_DEFINITIONS[data.nodeType].icon}
        </span>
        <span className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">
          {data.label}
        </span>
        {total !== null ? (
          <span
            className="ml-auto text-xs font-medium text-zinc-700 tabular-nums"
            title="Visits in the period"
          >
            {total}
          </span>
        ) : null}
      </div>
      <p
        className="flow-node-detail mt-1 line-clamp-2 text-sm break-words text-zinc-900"
        title={data.summary}
      >
        {data.summary}
      </p>
      {data.counts && Object.keys(data.counts).length > 0 ? (
        <p className="flow-node-detail mt-1 truncate text-xs text-zinc-600 tabular-nums">
          {Object.entries(data.counts)
            .map(([outcome, n]) => `${outcome.replace("variant:", "")} ${n}`)
            .join(" · ")}
        </p>
      ) : null}
      {invalid ? (
        <ul className="mt-1 space-y-0.5 text-xs text-red-700" data-testid={`node-errors-${id}`}>
          {data.errors!.map((message) => (
            <li key={message} className="line-clamp-2">
              {message}
            </li>
          ))}
        </ul>
      ) : null}
      {data.visit ? (
        <p className="mt-1 text-xs text-zinc-800" title={data.visit.note}>
          <span className="font-mono font-semibold">
            → {data.visit.outcome?.replace("variant:", "") ?? "in progress"}
          </span>
          {data.visit.note ? (
            <span className="line-clamp-2 text-zinc-600"> {data.visit.note}</span>
          ) : null}
        </p>
      ) : null}
      {/* The labels are not positioned: a positioned element is a paint layer of its own, and every pan frame
          composites each node's layers again. */}
      <div className="flow-node-detail mt-1 flex justify-evenly">
        {data.ports.map((port) => (
          <span key={port.id} className="text-[10px] font-medium text-zinc-500">
            {port.label}
          </span>
        ))}
      </div>
      {data.ports.map((port, index) => (
        <Handle
          key={port.id}
          id={port.id}
          type="source"
          position={Position.Bottom}
          isConnectable={isConnectable}
          title={`The "${port.name}" output: drag to a node to connect`}
          data-testid={`handle-${id}-${port.id}`}
          style={{ left: `${((index + 1) / (data.ports.length + 1)) * 100}%` }}
          className="!h-3 !w-3 !border-2 !border-white !bg-zinc-700"
        />
      ))}
    </div>
  );
}

export const ScenarioFlowNodeComponent = memo(ScenarioFlowNodeView);
