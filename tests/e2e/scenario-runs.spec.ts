import { ScenarioRunsPage } from "./pages/admin/scenario-runs-page";
import { LoginPage } from "./pages/login-page";
import { createCustomer, expect, test } from "./fixtures";

/*
 * Issue 20 item 9: a scenario's runs list, reached from the builder. A new customer enters the demo's Onboarding
 * scenario and waits at its profile goal; filtering by status shows the run, with the node it is at, only under
 * "waiting".
 */

test("the runs of a scenario, opened from the builder, filter by status and show each run's node", async ({
  page,
  adminApi,
}, testInfo) => {
  const customer = await createCustomer(adminApi, "runs-list");
  await new LoginPage(page).signInAsAdmin();
  const runs = new ScenarioRunsPage(page);
  await runs.openFromBuilder("Onboarding");
  await expect(page.getByTestId("page-title")).toHaveText("Runs of Onboarding");

  await runs.filter({ status: "waiting", email: customer.email });
  // The run starts in the background: reload until it has reached the goal.
  await expect(async () => {
    await page.reload();
    await expect(runs.row(customer.email)).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const row = runs.row(customer.email);
  await expect(row).toHaveAttribute("data-status", "waiting");
  await expect(row).toContainText("profile");
  await expect(row.getByRole("link", { name: customer.email })).toHaveAttribute(
    "href",
    `/admin/users/${customer.id}`,
  );
  await expect(runs.rows).toHaveCount(1);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: testInfo.outputPath("scenario-runs-1280.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath("scenario-runs-390.png") });
  await page.setViewportSize({ width: 1280, height: 800 });

  await runs.filter({ status: "completed" });
  await expect(runs.empty).toContainText("No runs match");
  await expect(page.getByTestId("pagination")).toContainText("No results");
});
