"use client";

import type { ComponentType, JSX } from "react";
import type { BuilderOptions } from "@/lib/scenarios/builder-option-types";
import type { GraphNode } from "@/lib/scenarios/graph";
import { definitionOf, type NodeType } from "@/lib/scenarios/nodes/definitions";
import { type ConfigIssues, configIssues } from "./config-issues";
import type { NodeFormProps } from "./form-props";
import { NODE_FORMS } from "./node-forms";

/**
 * The builder's side panel: the selected node's type, the server's validation messages for it, and the form for its
 * config with inline checks. Every edit hands on a new config (the builder keeps history and saves); read-only
 * disables every control at once through the fieldset.
 */
export function NodeConfigPanel({
  node,
  options,
  errors,
  readOnly,
  onChange,
}: {
  node: GraphNode;
  options: BuilderOptions;
  errors: string[];
  readOnly: boolean;
  onChange(config: GraphNode["config"]): void;
}): JSX.Element {
  const definition = definitionOf(node);
  const issues = configIssues(node);
  return (
    <section
      className="space-y-3 p-3"
      aria-labelledby="node-config-title"
      data-testid="node-config-panel"
      data-node-id={node.id}
    >
      <header>
        <h2
          id="node-config-title"
          className="text-sm font-semibold text-zinc-900"
          data-testid="panel-node-type"
        >
          {definition.label}
        </h2>
        <p className="text-xs text-zinc-500">{definition.description}</p>
      </header>
      {errors.length > 0 ? (
        <ul
          className="space-y-1 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-xs text-red-800"
          role="alert"
          data-testid="panel-errors"
        >
          {errors.map((message, i) => (
            <li key={i}>{message}</li>
          ))}
        </ul>
      ) : null}
      {issues.root.length > 0 ? (
        <ul className="space-y-1 text-xs text-red-600" data-testid="panel-issues">
          {issues.root.map((message, i) => (
            <li key={i}>{message}</li>
          ))}
        </ul>
      ) : null}
      {/* Keyed by node: a newly selected node starts with its own typed text, not the last node's. */}
      <fieldset key={node.id} disabled={readOnly} className="min-w-0 space-y-3 disabled:opacity-80">
        <legend className="sr-only">{definition.label} settings</legend>
        <NodeForm node={node} options={options} issues={issues} onChange={onChange} />
      </fieldset>
    </section>
  );
}

function NodeForm({
  node,
  options,
  issues,
  onChange,
}: {
  node: GraphNode;
  options: BuilderOptions;
  issues: ConfigIssues;
  onChange(config: GraphNode["config"]): void;
}) {
  // The node's type picks the form, so its config and edits are that type's.
  const Form = NODE_FORMS[node.type] as ComponentType<NodeFormProps<NodeType>>;
  return <Form config={node.config} options={options} issues={issues} onChange={onChange} />;
}
