/** Series colours, in order (the brand's, then Tailwind's emerald, rose, amber, sky and zinc 500). */
export const CHART_COLORS = {
  brand: "oklch(0.58 0.19 275)",
  emerald: "oklch(0.696 0.17 162.48)",
  rose: "oklch(0.645 0.246 16.439)",
  amber: "oklch(0.769 0.188 70.08)",
  sky: "oklch(0.685 0.169 237.323)",
  zinc: "oklch(0.552 0.016 285.938)",
} as const;
export type ChartColor = keyof typeof CHART_COLORS;

export const GRID_COLOR = "oklch(0.92 0.004 286.32)";
export const AXIS_TEXT_COLOR = "oklch(0.552 0.016 285.938)";
