"use client";

import { useEffect, useRef, useState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import type { SegmentRules } from "@/lib/segments/segment-rules";
import { formDataOf } from "@/lib/forms/form-data-of";

export type CountSegmentAction = (
  state: ActionState<never>,
  formData: FormData,
) => Promise<ActionState<{ count: number }>>;

type LiveCount =
  | { state: "idle" | "counting" }
  | { state: "done"; count: number }
  | { state: "error"; message: string };

const DEBOUNCE_MS = 400;

/**
 * Counts the unsaved rules on the server ~400 ms after the last edit. A slower, older answer never overwrites a newer
 * one. Rules that do not validate locally are not sent: the rows already show why.
 */
function useLiveCount(
  action: CountSegmentAction,
  rules: SegmentRules | null,
  code: string | null,
): LiveCount {
  const [result, setResult] = useState<LiveCount>({ state: "idle" });
  const latest = useRef(0);
  const payload = rules ? JSON.stringify(rules) : null;

  useEffect(() => {
    const request = ++latest.current;
    if (payload === null) return;
    const timer = setTimeout(async () => {
      setResult({ state: "counting" });
      const data = formDataOf({ rules: payload, code: code || null });
      try {
        const answer = await action(null, data);
        if (request !== latest.current) return;
        if (answer?.ok && answer.data) setResult({ state: "done", count: answer.data.count });
        else
          setResult({
            state: "error",
            message: answer && !answer.ok ? answer.message : "Could not count.",
          });
      } catch {
        if (request === latest.current) setResult({ state: "error", message: "Could not count." });
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [action, payload, code]);

  return payload === null ? { state: "idle" } : result;
}

export function SegmentLiveCount({
  action,
  rules,
  code,
}: {
  action: CountSegmentAction;
  rules: SegmentRules | null;
  code: string | null;
}) {
  const live = useLiveCount(action, rules, code);
  return (
    <div
      className="rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm"
      aria-live="polite"
      data-testid="segment-live-count"
      data-state={live.state}
    >
      {live.state === "done" ? (
        <>
          <span className="font-semibold tabular-nums" data-testid="segment-live-count-value">
            {live.count}
          </span>{" "}
          {live.count === 1 ? "user matches" : "users match"} now
        </>
      ) : live.state === "error" ? (
        <span className="text-red-600">{live.message}</span>
      ) : live.state === "counting" ? (
        <span className="text-zinc-500">Counting…</span>
      ) : (
        <span className="text-zinc-500">Complete the rules to see how many users match.</span>
      )}
    </div>
  );
}
