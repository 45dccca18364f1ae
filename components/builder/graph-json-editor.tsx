"use client";

import { useState } from "react";
import { asEditableGraph, draftGraphSchema, type ScenarioGraph } from "@/lib/scenarios/graph";

/** The draft as the API's import/export JSON: copy it out, or paste a graph in (one undoable step). */
export function GraphJsonEditor({
  graph,
  readOnly,
  onImport,
}: {
  graph: ScenarioGraph;
  readOnly: boolean;
  onImport(graph: ScenarioGraph): void;
}) {
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const shown = text ?? JSON.stringify(graph, null, 2);

  function apply() {
    if (text === null) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      setProblem("This is not valid JSON.");
      return;
    }
    const parsed = draftGraphSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setProblem(
        `Not a scenario graph: ${issue?.path.join(".") || "graph"} — ${issue?.message ?? "invalid"}`,
      );
      return;
    }
    setProblem(null);
    setText(null);
    onImport(asEditableGraph(parsed.data));
  }

  return (
    <section aria-labelledby="graph-json-title" className="space-y-2">
      <h3
        id="graph-json-title"
        className="text-xs font-semibold tracking-wide text-zinc-500 uppercase"
      >
        Graph JSON
      </h3>
      <p className="text-xs text-zinc-500">
        The import/export format of the API. Paste a graph and apply it to replace the draft.
      </p>
      <label htmlFor="graph-json" className="sr-only">
        Graph JSON
      </label>
      <textarea
        id="graph-json"
        value={shown}
        readOnly={readOnly}
        onChange={(event) => setText(event.target.value)}
        rows={12}
        spellCheck={false}
        className="block w-full rounded-md border border-zinc-300 px-2 py-1.5 font-mono text-xs focus:border-brand-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500/30"
        data-testid="graph-json"
      />
      {problem ? (
        <p role="alert" className="text-xs text-red-700">
          {problem}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button
          type="button"
          disabled={readOnly || text === null}
          onClick={apply}
          className="inline-flex h-8 items-center rounded-md bg-brand-600 px-2.5 text-xs font-medium text-white disabled:opacity-50"
          data-testid="graph-json-apply"
        >
          Apply JSON
        </button>
        <button
          type="button"
          disabled={text === null}
          onClick={() => {
            setText(null);
            setProblem(null);
          }}
          className="inline-flex h-8 items-center rounded-md border border-zinc-300 px-2.5 text-xs font-medium disabled:opacity-50"
        >
          Discard
        </button>
        <button
          type="button"
          onClick={() => void navigator.clipboard?.writeText(shown)}
          className="ml-auto inline-flex h-8 items-center rounded-md border border-zinc-300 px-2.5 text-xs font-medium"
        >
          Copy
        </button>
      </div>
    </section>
  );
}
