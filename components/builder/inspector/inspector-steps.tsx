"use client";

import { FactList } from "@/components/admin/scenarios/fact-list";
import { cn } from "@/components/ui/cn";
import { Time } from "@/components/ui/time";
import type { InspectorStep } from "@/lib/scenarios/inspector/inspector-types";

/** The left rule says how each visit ended at a glance: a yes, a no, a stop, or still open. */
function outcomeRule(outcome: string | null): string {
  if (outcome === null) return "border-l-sky-400";
  if (outcome === "yes") return "border-l-emerald-500";
  if (outcome === "no") return "border-l-amber-500";
  if (outcome === "failed" || outcome === "cancelled") return "border-l-red-500";
  return "border-l-zinc-300";
}

/** A path's visits in order, each with its decision line; the raw facts fold out beneath it. */
export function InspectorSteps({
  steps,
  emptyText,
}: {
  steps: InspectorStep[];
  emptyText: string;
}) {
  if (steps.length === 0) {
    return (
      <p className="text-xs text-zinc-500" data-testid="inspector-no-steps">
        {emptyText}
      </p>
    );
  }
  return (
    <ol className="space-y-1" data-testid="inspector-steps">
      {steps.map((step) => (
        <li
          key={step.key}
          className={cn(
            "rounded-md border border-l-4 border-zinc-200 bg-white px-2.5 py-1.5",
            outcomeRule(step.outcome),
          )}
          data-testid={`inspector-step-${step.nodeId}`}
        >
          <p className="text-xs break-words text-zinc-900">{step.line}</p>
          <p className="mt-0.5 text-[11px] text-zinc-500">
            <span className="font-mono">{step.nodeId}</span>
            {step.enteredAt ? (
              <>
                {" · "}
                <Time value={step.enteredAt} />
              </>
            ) : null}
          </p>
          {Object.keys(step.facts).length > 0 ? (
            <details className="mt-0.5">
              <summary className="cursor-pointer text-[11px] text-zinc-500 hover:text-zinc-800">
                Facts
              </summary>
              <FactList facts={step.facts} />
            </details>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
