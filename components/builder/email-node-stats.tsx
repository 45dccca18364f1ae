"use client";

import { useCallback, useEffect, useState } from "react";
import { EmailStatsFigures } from "@/components/email/email-stats-figures";
import { loadScenarioEmailStatsAction } from "@/lib/actions/scenarios/load-email-stats";
import { emptyEmailStats, type EmailStats } from "@/lib/email/stats/email-stats";
import { formDataOf } from "@/lib/forms/form-data-of";

interface Loaded {
  nodeId: string;
  stats: EmailStats | null;
  error: string | null;
}

/**
 * The selected email node's emails: sent, skipped by reason, delivered, opened, clicked, unsubscribed, bounced —
 * counted over all versions from the email log, loaded when the node is selected and on request.
 */
export function EmailNodeStats({ scenarioId, nodeId }: { scenarioId: number; nodeId: string }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [refreshing, setRefreshing] = useState(false);

  const fetchStats = useCallback(async (): Promise<Loaded> => {
    const result = await loadScenarioEmailStatsAction(null, formDataOf({ id: scenarioId }));
    return result?.ok && result.data
      ? { nodeId, stats: result.data[nodeId] ?? emptyEmailStats(), error: null }
      : {
          nodeId,
          stats: null,
          error: result?.ok === false ? result.message : "The figures did not load.",
        };
  }, [scenarioId, nodeId]);

  useEffect(() => {
    let current = true;
    void fetchStats().then((next) => {
      if (current) setLoaded(next);
    });
    return () => {
      current = false;
    };
  }, [fetchStats]);

  const refresh = async () => {
    setRefreshing(true);
    try {
      setLoaded(await fetchStats());
    } finally {
      setRefreshing(false);
    }
  };

  // Figures of the node selected before are not shown while this one's figures load.
  const shown = loaded?.nodeId === nodeId ? loaded : null;
  return (
    <section className="space-y-2 border-t border-zinc-100 pt-4" data-testid="email-node-stats">
      <div className="flex items-center gap-2">
        <h3 className="mr-auto text-xs font-semibold tracking-wide text-zinc-500 uppercase">
          Emails · all versions
        </h3>
        <button
          type="button"
          onClick={() => void refresh()}
          disabled={refreshing || !shown}
          className="text-xs font-medium text-brand-700 hover:underline disabled:opacity-50"
          data-testid="email-node-stats-refresh"
        >
          {refreshing ? "Loading…" : "Refresh"}
        </button>
      </div>
      {shown?.error ? (
        <p className="text-xs text-red-700">{shown.error}</p>
      ) : shown?.stats ? (
        <EmailStatsFigures stats={shown.stats} narrow testId="email-node-stats-figures" />
      ) : (
        <p className="text-xs text-zinc-500">Loading the figures…</p>
      )}
    </section>
  );
}
