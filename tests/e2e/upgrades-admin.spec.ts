import { expect, test } from "@playwright/test";
import { signInAsAdmin, uniqueSuffix } from "./fixtures";

/*
 * Upgrades admin: an admin creates a schema, adds an option through the config form, links a base subscription type,
 * and finds both saved after a reload; the defaults check page opens. Uses the demo catalog (print, web_monthly).
 */

test("an admin configures an upgrade schema with an option and a linked type", async ({ page }) => {
  const name = `E2E upgrades ${uniqueSuffix()}`;
  await signInAsAdmin(page);

  await page.goto("/admin/upgrades");
  await page.getByTestId("upgrade-schema-name").fill(name);
  await page.getByTestId("upgrade-schema-create").click();
  await page.waitForURL(/\/admin\/upgrades\/\d+$/);
  await expect(page.getByTestId("page-title")).toHaveText(name);
  const schemaUrl = page.url();
  const schemaId = Number(new URL(schemaUrl).pathname.split("/").pop());
  expect(schemaId).toBeGreaterThan(0);

  await page.getByTestId("option-type").selectOption("short");
  await page.getByTestId("option-require-print").check();
  await page.getByTestId("option-save").click();
  await page.waitForURL(/\?saved=option$/);
  const optionRows = page.getByTestId(/^option-row-\d+$/);
  await expect(optionRows).toHaveCount(1);
  await expect(optionRows.first()).toContainText("short");
  await expect(optionRows.first()).toContainText("print");

  await page.getByTestId("linked-type-web_monthly").check();
  await page.getByTestId("linked-types-save").click();
  await expect(page.getByTestId("linked-types-form").getByTestId("form-success")).toContainText("web_monthly");

  await page.goto(schemaUrl);
  await expect(optionRows).toHaveCount(1);
  await expect(optionRows.first()).toContainText("short");
  await expect(optionRows.first()).toContainText("print");
  await expect(page.getByTestId("linked-type-web_monthly")).toBeChecked();

  await page.goto("/admin/upgrades");
  const listed = page.getByTestId(`upgrade-schema-row-${schemaId}`);
  await expect(listed).toContainText(name);
  await expect(listed).toContainText("web_monthly");
  await expect(page.getByTestId("recent-upgrades")).toBeVisible();

  await page.getByTestId("defaults-check-link").click();
  await page.waitForURL(/\/admin\/upgrades\/defaults$/);
  await expect(page.getByTestId("page-title")).toHaveText("Defaults check");
  await expect(page.getByTestId("defaults-check-summary")).toBeVisible();
});
