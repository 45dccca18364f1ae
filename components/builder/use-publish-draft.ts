"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { publishDraftAction } from "@/lib/actions/scenarios/builder";
import type { BuilderAction } from "./store/builder-actions";
import { formDataOf } from "@/lib/forms/form-data-of";

export type PublishResult = { ok: boolean; message: string };

/**
 * Publishing: the draft is saved first (the server publishes what it has stored), then checked and published. A
 * refusal shows its problems on the nodes and in the issues tab; a new version refreshes the page's versions.
 */
export function usePublishDraft({
  scenarioId,
  saveDraft,
  dispatch,
}: {
  scenarioId: number;
  /** Autosave's flush: resolves true once the latest draft is stored. */
  saveDraft(): Promise<boolean>;
  dispatch(action: BuilderAction): void;
}) {
  const router = useRouter();
  return useCallback(
    async (note: string): Promise<PublishResult> => {
      const saved = await saveDraft();
      if (!saved)
        return { ok: false, message: "The draft is not saved yet; try again in a moment." };
      const form = formDataOf({ id: scenarioId, note });
      const result = await publishDraftAction(null, form);
      if (!result?.ok || !result.data)
        return { ok: false, message: result?.ok === false ? result.message : "Publishing failed." };
      const { version, errors } = result.data;
      if (version === null) {
        dispatch({ type: "publishRefused", errors });
        return {
          ok: false,
          message: `Fix ${errors.length} issue${errors.length === 1 ? "" : "s"} before publishing.`,
        };
      }
      dispatch({ type: "published", version });
      router.refresh();
      return { ok: true, message: `Published version ${version}.` };
    },
    [saveDraft, dispatch, router, scenarioId],
  );
}
