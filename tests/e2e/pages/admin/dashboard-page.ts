import type { Locator, Page } from "@playwright/test";

/** /admin: the dashboard's period selector and charts. */
export class DashboardPage {
  readonly revenueChart: Locator;
  readonly mrrChart: Locator;
  readonly flowChart: Locator;
  readonly renewalChart: Locator;
  readonly tooltip: Locator;

  constructor(readonly page: Page) {
    this.revenueChart = page.getByTestId("revenue-chart");
    this.mrrChart = page.getByTestId("mrr-chart");
    this.flowChart = page.getByTestId("subscription-flow-chart");
    this.renewalChart = page.getByTestId("renewal-rate-chart");
    this.tooltip = page.locator(".recharts-tooltip-wrapper");
  }

  async goto(period?: 30 | 90 | 365) {
    await this.page.goto(period ? `/admin?period=${period}` : "/admin");
  }

  period(days: 30 | 90 | 365): Locator {
    return this.page.getByTestId(`period-${days}`);
  }

  /** The tick labels of a chart's axis. */
  ticks(chart: Locator, axis: "x" | "y"): Locator {
    return chart.locator(`.recharts-${axis}Axis-tick-labels .recharts-cartesian-axis-tick-value`);
  }

  bars(chart: Locator): Locator {
    return chart.locator(".recharts-bar-rectangle");
  }
}
