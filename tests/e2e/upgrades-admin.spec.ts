import { UpgradeSchemasPage } from "./pages/admin/upgrade-schemas-page";
import { LoginPage } from "./pages/login-page";
import { expect, test, uniqueSuffix } from "./fixtures";

/*
 * Upgrades admin: an admin creates a schema, adds an option through the config form, links a base subscription type,
 * and finds both saved after a reload; the defaults check page opens. Uses the demo catalog (print, web_monthly).
 */

test("an admin configures an upgrade schema with an option and a linked type", async ({ page }) => {
  const name = `E2E upgrades ${uniqueSuffix()}`;
  await new LoginPage(page).signInAsAdmin();

  const upgrades = new UpgradeSchemasPage(page);
  const schemaId = await upgrades.createSchema(name);
  await expect(upgrades.title).toHaveText(name);
  expect(schemaId).toBeGreaterThan(0);

  await upgrades.addOption("short", "print");
  await expect(upgrades.optionRows).toHaveCount(1);
  await expect(upgrades.optionRows.first()).toContainText("short");
  await expect(upgrades.optionRows.first()).toContainText("print");

  await upgrades.linkType("web_monthly");
  await expect(upgrades.linkedTypesSaved).toContainText("web_monthly");

  await upgrades.gotoSchema(schemaId);
  await expect(upgrades.optionRows).toHaveCount(1);
  await expect(upgrades.optionRows.first()).toContainText("short");
  await expect(upgrades.optionRows.first()).toContainText("print");
  await expect(upgrades.linkedType("web_monthly")).toBeChecked();

  await upgrades.gotoList();
  const listed = upgrades.schema(schemaId);
  await expect(listed).toContainText(name);
  await expect(listed).toContainText("web_monthly");
  await expect(upgrades.recentUpgrades).toBeVisible();

  await upgrades.openDefaultsCheck();
  await expect(upgrades.title).toHaveText("Defaults check");
  await expect(upgrades.defaultsCheckSummary).toBeVisible();
});
