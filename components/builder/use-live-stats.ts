"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ScenarioStats } from "@/lib/scenarios/stats/get-scenario-stats";
import { loadStatsAction } from "@/lib/actions/scenarios/builder";
import { formDataOf } from "@/lib/forms/form-data-of";

/** How often the counts refresh while the page is visible. */
const REFRESH_MS = 15_000;

/**
 * The canvas's statistics for all versions (versionId null) or one, refreshed while the page is open and visible.
 * The first figures (all versions) come with the page; choosing another version loads its figures at once.
 */
export function useLiveStats({
  scenarioId,
  versionId,
  initial,
}: {
  scenarioId: number;
  versionId: number | null;
  initial: ScenarioStats;
}) {
  const [stats, setStats] = useState<{ versionId: number | null; data: ScenarioStats }>({
    versionId: null,
    data: initial,
  });
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [loading, setLoading] = useState(false);
  const chosen = useRef(versionId);
  useEffect(() => {
    chosen.current = versionId;
  }, [versionId]);

  const load = useCallback(
    async (version: number | null) => {
      setLoading(true);
      const form = formDataOf({ id: scenarioId, versionId: version });
      try {
        const result = await loadStatsAction(null, form);
        // An answer for a version no longer chosen is dropped.
        if (result?.ok && result.data && chosen.current === version) {
          setStats({ versionId: version, data: result.data });
          setUpdatedAt(new Date());
        }
      } finally {
        setLoading(false);
      }
    },
    [scenarioId],
  );

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void load(chosen.current);
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  // Figures of another version than the one chosen are not shown while the chosen one loads.
  return { stats: stats.versionId === versionId ? stats.data : null, updatedAt, loading, load };
}
