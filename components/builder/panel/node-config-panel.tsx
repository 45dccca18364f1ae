"use client";

import type { JSX } from "react";
import type { BuilderOptions } from "@/components/builder/builder-options";
import { type GraphNode, NODE_TYPE_META } from "@/lib/scenarios/graph";
import { AbTestForm } from "./ab-test-form";
import { BannerForm } from "./banner-form";
import { BeforeEventForm } from "./before-event-form";
import { ConditionForm } from "./condition-form";
import { type ConfigIssues, configIssues } from "./config-issues";
import { EmailForm } from "./email-form";
import { EventForm } from "./event-form";
import { GenericForm } from "./generic-form";
import { GoalForm } from "./goal-form";
import { SegmentForm } from "./segment-form";
import { WaitForm } from "./wait-form";

type OnChange = (config: GraphNode["config"]) => void;

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
  const meta = NODE_TYPE_META[node.type];
  const issues = configIssues(node);
  return (
    <section className="space-y-3 p-3" aria-labelledby="node-config-title" data-testid="node-config-panel" data-node-id={node.id}>
      <header>
        <h2 id="node-config-title" className="text-sm font-semibold text-zinc-900" data-testid="panel-node-type">
          {meta.label}
        </h2>
        <p className="text-xs text-zinc-500">{meta.description}</p>
      </header>
      {errors.length > 0 ? (
        <ul className="space-y-1 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-xs text-red-800" role="alert" data-testid="panel-errors">
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
        <legend className="sr-only">{meta.label} settings</legend>
        <NodeForm node={node} options={options} issues={issues} onChange={onChange} />
      </fieldset>
    </section>
  );
}

function NodeForm({ node, options, issues, onChange }: { node: GraphNode; options: BuilderOptions; issues: ConfigIssues; onChange: OnChange }) {
  const props = { options, issues, onChange };
  switch (node.type) {
    case "event":
      return <EventForm config={node.config} {...props} />;
    case "before_event":
      return <BeforeEventForm config={node.config} {...props} />;
    case "condition":
      return <ConditionForm config={node.config} {...props} />;
    case "email":
      return <EmailForm config={node.config} {...props} />;
    case "banner":
      return <BannerForm config={node.config} {...props} />;
    case "generic":
      return <GenericForm config={node.config} {...props} />;
    case "segment":
      return <SegmentForm config={node.config} {...props} />;
    case "wait":
      return <WaitForm config={node.config} {...props} />;
    case "goal":
      return <GoalForm config={node.config} {...props} />;
    case "ab_test":
      return <AbTestForm config={node.config} {...props} />;
  }
}
