"use client";

import dynamic from "next/dynamic";

/**
 * `TimeSeriesChart` whose code (recharts) loads when it first renders, for a chart a page shows only on demand: the
 * builder's runs chart sits in its settings tab, and the canvas should not wait for recharts to load.
 */
export const LazyTimeSeriesChart = dynamic(() =>
  import("./time-series-chart").then((module) => module.TimeSeriesChart),
);
