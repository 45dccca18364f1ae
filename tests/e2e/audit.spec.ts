import { createCustomer, expect, test, uniqueSuffix } from "./fixtures";
import { AuditLogPage } from "./pages/admin/audit-log-page";
import { ScenarioBuilderPage } from "./pages/admin/scenario-builder-page";
import { AdminUsersPage } from "./pages/admin/users-page";
import { LoginPage } from "./pages/login-page";

/** Phone and desktop, for the screenshots each step leaves beside the test's output. */
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

test("an owner's change and an API token's show in the customer's history and in the audit log, filtered by URL", async ({
  page,
  adminApi,
}, testInfo) => {
  const customer = await createCustomer(adminApi, "audit");
  await new LoginPage(page).signInAsAdmin();
  const userPath = `/admin/users/${customer.id}`;
  await page.goto(userPath);
  await new AdminUsersPage(page).addPaidPayment("web_monthly");
  await expect(page.getByTestId("form-success")).toBeVisible();

  const audit = new AuditLogPage(page);
  await page.goto(userPath);
  await expect(audit.history).toBeVisible();
  await expect(audit.historyRows.filter({ hasText: "payments.create" }).first()).toBeVisible();
  await expect(audit.historyRows.filter({ hasText: "POST /api/v1/users" })).toHaveCount(1);
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await audit.history.scrollIntoViewIfNeeded();
    await page.screenshot({
      path: testInfo.outputPath(`user-history-${viewport.width}x${viewport.height}.png`),
    });
  }
  await page.setViewportSize(VIEWPORTS[0]!);

  await audit.history.getByTestId("entity-history-see-all").click();
  await expect(page).toHaveURL(
    new RegExp(`/admin/audit\\?entity_type=users&entity_id=${customer.id}&related=1$`),
  );
  await expect(audit.rows.first()).toBeVisible();
  const listed = await audit.rows.count();
  expect(listed).toBeGreaterThanOrEqual(3);

  await audit.filterByAction("payments.create");
  await expect(audit.rows).not.toHaveCount(listed);
  for (const row of await audit.rows.all()) await expect(row).toContainText("payments.create");
  // A payment and its subscription link to the customer's page.
  await expect(audit.table.locator(`a[href="${userPath}"]`).first()).toBeVisible();
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await page.screenshot({
      path: testInfo.outputPath(`audit-log-${viewport.width}x${viewport.height}.png`),
      fullPage: viewport.width < 500,
    });
  }
});

test("a scenario's history is in its builder's settings panel", async ({ page }, testInfo) => {
  await new LoginPage(page).signInAsAdmin();
  const builder = new ScenarioBuilderPage(page);
  await builder.createScenario(`Audited ${uniqueSuffix()}`);
  await builder.openPanelTab("settings");
  const audit = new AuditLogPage(page);
  await expect(audit.historyRows.filter({ hasText: "scenarios.create" })).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath("scenario-history-1280x800.png") });
});
