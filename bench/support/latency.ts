/** Latency figures of a run: requests per second over the wall time, and nearest-rank percentiles. */
export function summarize(latenciesMs: number[], wallMs: number) {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const rank = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  return {
    requests: sorted.length,
    perSecond: sorted.length / (wallMs / 1000),
    p50: rank(50),
    p95: rank(95),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

export function formatSummary(label: string, summary: ReturnType<typeof summarize>): string {
  return (
    `${label.padEnd(22)} ${String(summary.requests).padStart(5)} requests  ${summary.perSecond.toFixed(1).padStart(7)} req/s` +
    `  p50 ${summary.p50.toFixed(1)} ms  p95 ${summary.p95.toFixed(1)} ms  max ${summary.max.toFixed(1)} ms`
  );
}
