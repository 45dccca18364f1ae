"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { GraphErrorView } from "@/lib/scenarios/scenario-view-types";
import type { ScenarioGraph } from "@/lib/scenarios/graph";
import { saveDraftGraphAction } from "@/lib/actions/scenarios/builder";
import { formDataOf } from "@/lib/forms/form-data-of";

export type SaveStatus = "saved" | "unsaved" | "saving" | "error";

/** How long typing or dragging may pause before the draft is saved. */
const DEBOUNCE_MS = 700;
const RETRY_MS = 5_000;

/**
 * Autosave of the draft: a changed graph is saved after a short pause; one save at a time, and a change made while a
 * save is under way is saved right after it. `flush` saves now and resolves once the latest graph is stored (publish
 * waits for it). While anything is unsaved, leaving the page asks first.
 */
export function useAutosave({
  scenarioId,
  graph,
  enabled,
  onSaved,
}: {
  scenarioId: number;
  graph: ScenarioGraph;
  enabled: boolean;
  onSaved(errors: GraphErrorView[]): void;
}) {
  const [status, setStatus] = useState<SaveStatus>("saved");
  const [message, setMessage] = useState<string | null>(null);
  const latest = useRef(graph);
  const stored = useRef(graph);
  const running = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  }, [onSaved]);

  /** One save of the latest graph; false when it failed. */
  const saveOnce = useCallback(async (): Promise<boolean> => {
    const sending = latest.current;
    const form = formDataOf({ id: scenarioId, graph: JSON.stringify(sending) });
    try {
      const result = await saveDraftGraphAction(null, form);
      if (!result?.ok) throw new Error(result?.message ?? "The draft could not be saved.");
      stored.current = sending;
      setMessage(null);
      onSavedRef.current(result.data?.errors ?? []);
      return true;
    } catch (error) {
      setMessage(error instanceof Error ? error.message : "The draft could not be saved.");
      setStatus("error");
      return false;
    }
  }, [scenarioId]);

  /**
   * Save until the latest graph is stored, one request at a time; false when a save failed (an effect retries it).
   * Between reading `running` and setting it nothing awaits, so two callers never send at once.
   */
  const save = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    while (latest.current !== stored.current || running.current) {
      if (running.current) {
        if (!(await running.current)) return false;
        continue;
      }
      setStatus("saving");
      const attempt = saveOnce();
      running.current = attempt;
      const ok = await attempt;
      running.current = null;
      if (!ok) return false;
    }
    setStatus("saved");
    return true;
  }, [saveOnce]);

  useEffect(() => {
    latest.current = graph;
    if (!enabled || graph === stored.current) return;
    setStatus((current) => (current === "saving" ? current : "unsaved"));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
  }, [graph, enabled, save]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  useEffect(() => {
    if (status !== "error") return;
    const retry = setTimeout(() => void save(), RETRY_MS);
    return () => clearTimeout(retry);
  }, [status, save]);

  useEffect(() => {
    if (status === "saved") return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [status]);

  return { status, message, flush: save };
}

export type Autosave = ReturnType<typeof useAutosave>;
