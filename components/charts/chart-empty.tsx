/**
 * Laid over a chart whose period holds nothing: the axes and grid stay (the dates still read), with one sentence in
 * the middle, so the card does not look broken.
 */
export function ChartEmpty({ message }: { message?: string }) {
  return (
    <div
      className="pointer-events-none absolute inset-0 flex items-center justify-center"
      data-testid="chart-empty"
    >
      <p className="rounded-md border border-zinc-200 bg-white/95 px-3 py-1.5 text-sm text-zinc-500 shadow-xs">
        {message ?? "No data in this period"}
      </p>
    </div>
  );
}
