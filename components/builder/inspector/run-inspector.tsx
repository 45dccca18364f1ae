"use client";
// Just over 300 lines: one panel whose three parts (find a user, pick a run or simulate, send a test event) share
// the selected user and path; split, they would pass that state back and forth.

import Link from "next/link";
import { type FormEvent, useRef, useState, useTransition } from "react";
import {
  findUserRunsAction,
  loadRunPathAction,
  sendInspectorTestEventAction,
  simulatePathAction,
} from "@/lib/actions/scenarios/inspector";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input, Select } from "@/components/ui/input";
import { refusalMessage } from "@/lib/actions/action-state";
import { formDataOf } from "@/lib/forms/form-data-of";
import type { FlowPath } from "@/lib/scenarios/flow/graph-to-flow";
import type { ScenarioGraph } from "@/lib/scenarios/graph";
import { InspectorRunListView } from "./inspector-run-list";
import { InspectorSteps } from "./inspector-steps";
import type { InspectorRunList, InspectorStep } from "@/lib/scenarios/inspector/inspector-types";

export interface InspectedPath {
  /** "Run #12 · jane@example.com" or "Simulation (draft) · jane@example.com". */
  label: string;
  flow: FlowPath;
  /** The graph the path belongs to: the run's version, or the simulated version or saved draft. */
  graph: ScenarioGraph;
  /** Null: the draft. */
  versionNumber: number | null;
}

/** The path the panel lists; `runId` null for a simulation. */
interface ShownPath {
  label: string;
  email: string;
  runId: number | null;
  steps: InspectorStep[];
}

type Selection = { kind: "run"; runId: number } | { kind: "simulation" };

const sectionTitle = "mb-1.5 text-[11px] font-semibold tracking-wide text-zinc-500 uppercase";

/**
 * The builder's run inspector: find a user, pick one of their runs (or simulate their path now) and the canvas
 * highlights it through `onShowPath`, while the panel lists each visit's decision with its facts.
 */
export function RunInspector({
  scenarioId,
  versions,
  onShowPath,
}: {
  scenarioId: number;
  versions: number[];
  onShowPath(path: InspectedPath | null): void;
}) {
  const [email, setEmail] = useState("");
  const [runs, setRuns] = useState<InspectorRunList | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [shown, setShown] = useState<ShownPath | null>(null);
  const [pathError, setPathError] = useState<string | null>(null);
  const [version, setVersion] = useState(versions.length > 0 ? "current" : "draft");
  const [testResult, setTestResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [searching, startSearch] = useTransition();
  const [loadingPath, startPath] = useTransition();
  const [sending, startSend] = useTransition();
  // Only the latest path request may draw: clicking run A then run B must not end on A's answer.
  const latestPath = useRef(0);

  function clear() {
    latestPath.current += 1;
    setSelection(null);
    setShown(null);
    setPathError(null);
    onShowPath(null);
  }

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const address = email.trim();
    startSearch(async () => {
      const state = await findUserRunsAction(null, formDataOf({ id: scenarioId, email: address }));
      if (state?.ok && state.data) {
        setRuns(state.data);
        setSearchError(null);
        if (shown && shown.email.toLowerCase() !== state.data.email.toLowerCase()) clear();
      } else {
        setRuns(null);
        setSearchError(refusalMessage(state));
      }
    });
  }

  function loadPath(
    next: Selection,
    request: () => Promise<{ path: ShownPath; inspected: InspectedPath } | string>,
  ) {
    const ticket = ++latestPath.current;
    setSelection(next);
    setPathError(null);
    startPath(async () => {
      const result = await request();
      if (ticket !== latestPath.current) return;
      if (typeof result === "string") {
        setShown(null);
        setPathError(result);
        onShowPath(null);
        return;
      }
      setShown(result.path);
      onShowPath(result.inspected);
    });
  }

  function showRun(runId: number) {
    loadPath({ kind: "run", runId }, async () => {
      const state = await loadRunPathAction(null, formDataOf({ id: scenarioId, runId }));
      if (!state?.ok || !state.data) return refusalMessage(state);
      const { run, flow, graph, versionNumber, steps } = state.data;
      const label = `Run #${run.id} · ${run.email}`;
      return {
        path: { label, email: run.email, runId: run.id, steps },
        inspected: { label, flow, graph, versionNumber },
      };
    });
  }

  function simulate() {
    loadPath({ kind: "simulation" }, async () => {
      const state = await simulatePathAction(
        null,
        formDataOf({ id: scenarioId, email: email.trim(), version }),
      );
      if (!state?.ok || !state.data) return refusalMessage(state);
      const { email: address, flow, graph, versionNumber, steps } = state.data;
      const label = `Simulation (${versionNumber === null ? "draft" : `version ${versionNumber}`}) · ${address}`;
      return {
        path: { label, email: address, runId: null, steps },
        inspected: { label, flow, graph, versionNumber },
      };
    });
  }

  function sendTestEvent() {
    startSend(async () => {
      const state = await sendInspectorTestEventAction(
        null,
        formDataOf({ id: scenarioId, email: email.trim() }),
      );
      setTestResult(
        state?.ok
          ? { ok: true, message: state.message ?? "Sent." }
          : { ok: false, message: refusalMessage(state) },
      );
    });
  }

  return (
    <div className="space-y-4 text-sm" data-testid="run-inspector">
      <section>
        <form onSubmit={search} className="flex gap-1.5" noValidate>
          <label htmlFor="inspector-email" className="sr-only">
            User email
          </label>
          <Input
            id="inspector-email"
            type="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            placeholder="user@example.com"
            autoComplete="off"
            invalid={searchError !== null}
            className="h-8 min-w-0 text-xs"
            data-testid="inspector-email"
          />
          <Button type="submit" size="sm" disabled={searching} data-testid="inspector-search">
            {searching ? "Searching…" : "Search"}
          </Button>
        </form>
        {searchError ? (
          <p
            role="alert"
            className="mt-1 text-xs text-red-600"
            data-testid="inspector-search-error"
          >
            {searchError}
          </p>
        ) : null}
      </section>

      <section>
        <h3 className={sectionTitle}>Predict and test</h3>
        <div className="flex gap-1.5">
          <label htmlFor="inspector-simulate-version" className="sr-only">
            Version to simulate
          </label>
          <Select
            id="inspector-simulate-version"
            value={version}
            onChange={(event) => setVersion(event.target.value)}
            className="h-8 min-w-0 text-xs"
            data-testid="inspector-simulate-version"
          >
            <option value="draft">Draft</option>
            {versions.length > 0 ? <option value="current">Current version</option> : null}
            {versions.map((number) => (
              <option key={number} value={number}>
                Version {number}
              </option>
            ))}
          </Select>
          <Button
            variant="secondary"
            size="sm"
            onClick={simulate}
            disabled={loadingPath}
            data-testid="inspector-simulate"
          >
            Simulate
          </Button>
        </div>
        <Button
          variant="secondary"
          size="sm"
          className="mt-1.5 w-full"
          onClick={sendTestEvent}
          disabled={sending}
          data-testid="inspector-test-event"
        >
          {sending ? "Sending…" : "Send test event"}
        </Button>
        {testResult ? (
          <p
            role={testResult.ok ? "status" : "alert"}
            className={cn("mt-1 text-xs", testResult.ok ? "text-zinc-600" : "text-red-600")}
            data-testid="inspector-test-event-result"
          >
            {testResult.message}
          </p>
        ) : null}
      </section>

      <section aria-busy={searching}>
        <h3 className={sectionTitle}>Runs</h3>
        {searching && !runs ? (
          <p className="text-xs text-zinc-500" data-testid="inspector-runs-loading">
            Loading runs…
          </p>
        ) : runs ? (
          <div className={cn(searching && "opacity-60")}>
            <InspectorRunListView
              list={runs}
              selectedRunId={selection?.kind === "run" ? selection.runId : null}
              onSelect={showRun}
            />
          </div>
        ) : (
          <p className="text-xs text-zinc-500">
            Search a user by email to list their runs of this scenario.
          </p>
        )}
      </section>

      {selection || shown || pathError ? (
        <section aria-busy={loadingPath} data-testid="inspector-path">
          <div className="mb-1.5 flex items-center justify-between gap-2">
            <h3
              className="min-w-0 truncate text-xs font-semibold text-zinc-900"
              title={shown?.label}
              data-testid="inspector-path-label"
            >
              {loadingPath ? "Loading path…" : (shown?.label ?? "Path")}
            </h3>
            <Button variant="ghost" size="sm" onClick={clear} data-testid="inspector-clear">
              Clear
            </Button>
          </div>
          {pathError ? (
            <p role="alert" className="text-xs text-red-600" data-testid="inspector-path-error">
              {pathError}
            </p>
          ) : shown ? (
            <div className={cn(loadingPath && "opacity-60")}>
              {shown.runId === null ? (
                <p className="mb-1.5 text-xs text-zinc-500">Predicted path now; nothing is sent.</p>
              ) : (
                <Link
                  href={`/admin/scenarios/${scenarioId}/runs/${shown.runId}`}
                  className="mb-1.5 inline-block text-xs text-brand-700 hover:underline"
                >
                  Open run page
                </Link>
              )}
              <InspectorSteps
                steps={shown.steps}
                emptyText={
                  shown.runId === null
                    ? "The user would not enter this scenario."
                    : "No node visited yet."
                }
              />
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
