import { DashboardPage } from "./pages/admin/dashboard-page";
import { LoginPage } from "./pages/login-page";
import { createCustomer, expect, test } from "./fixtures";

/*
 * Issue 21, charts: the dashboard draws its series with axes (dates below, money or counts beside), a tooltip per
 * bucket and a period selector; a payment paid today shows as today's revenue. The referrals and family pages carry
 * their activity charts (or the empty state).
 */

test("the dashboard charts revenue, MRR, new/churned subscriptions and renewals, with axes, tooltips and periods", async ({
  page,
  adminApi,
}) => {
  const customer = await createCustomer(adminApi, "charts");
  await adminApi.createPayment(customer.id, {
    items: [{ subscription_type_code: "web_monthly" }],
    status: "paid",
    gateway: "manual",
  });
  await new LoginPage(page).signInAsAdmin();
  const dashboard = new DashboardPage(page);
  await dashboard.goto();

  // Revenue per day over 30 days: a bar per day; today's holds at least this payment.
  const revenue = dashboard.revenueChart;
  await expect(revenue).toHaveAttribute("aria-label", /Paid revenue per day/);
  await expect(dashboard.bars(revenue)).not.toHaveCount(0);
  expect(await dashboard.ticks(revenue, "x").count()).toBeGreaterThan(2);
  await expect(dashboard.ticks(revenue, "y").first()).toHaveText(/€/);
  expect((await revenue.locator("svg.recharts-surface").boundingBox())?.height).toBeGreaterThan(
    100,
  );
  // The numbers are there for screen readers too: a table with a row per day.
  await expect(revenue.getByRole("table", { includeHidden: true }).locator("tbody tr")).toHaveCount(
    30,
  );

  // Hovering today's bar shows its date, amount and payments.
  const plot = revenue.locator(".recharts-surface");
  const box = await plot.boundingBox();
  if (!box) throw new Error("the revenue chart has no box");
  await page.mouse.move(box.x + box.width - 12, box.y + box.height / 2);
  const tooltip = revenue.locator(".recharts-tooltip-wrapper");
  await expect(tooltip).toContainText("Revenue");
  await expect(tooltip).toContainText(/€\d/);
  await expect(tooltip).toContainText("Paid payments");

  for (const chart of [dashboard.mrrChart, dashboard.flowChart, dashboard.renewalChart]) {
    await expect(chart).toBeVisible();
  }
  // MRR and new subscriptions have axes whenever there is data; the new customer's subscription is new today.
  expect(await dashboard.ticks(dashboard.flowChart, "x").count()).toBeGreaterThan(2);
  await expect(page.getByTestId("mrr-definition")).toContainText("31-day month");

  // A year is shown by week.
  await dashboard.period(365).click();
  await expect(page).toHaveURL(/period=365/);
  await expect(dashboard.period(365)).toHaveAttribute("aria-current", "page");
  await expect(revenue).toHaveAttribute("aria-label", /Paid revenue per week/);
  await expect(page.getByRole("heading", { name: "Revenue per week" })).toBeVisible();
});

test("the referrals and family pages chart their activity over the chosen period", async ({
  page,
}) => {
  await new LoginPage(page).signInAsAdmin();
  for (const [path, testId] of [
    ["/admin/referrals", "referral-activity-chart"],
    ["/admin/family", "family-code-activity-chart"],
  ] as const) {
    await page.goto(`${path}?period=90`);
    const chart = page.getByTestId(testId);
    await expect(chart).toHaveAttribute("aria-label", /per day/);
    await expect(page.getByTestId("period-90")).toHaveAttribute("aria-current", "page");
    // The date axis is drawn even when the period holds nothing (then a sentence says so over the grid).
    await expect(
      chart.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value").first(),
    ).toBeVisible();
    if ((await chart.getAttribute("data-empty")) === "true")
      await expect(chart.getByTestId("chart-empty")).toHaveText("No data in this period");
    else await expect(chart.getByTestId("chart-empty")).toHaveCount(0);
  }
});
