import { expect, test } from "@playwright/test";
import { signInAsAdmin, uniqueSuffix } from "./fixtures";

/*
 * Referral programs admin: an admin fills the program form (options fields rendered from each registry entry's schema),
 * sees a field error for a minimum payment without the payment trigger, then creates a program with a free_days reward
 * and a percent discount for the friend, finds it in the list in words, and after a reload finds every setting in the
 * edit form. The program is not made the default, so other tests' referrals keep joining theirs.
 */

test("an admin creates a referral program with a free-days reward and a friend discount", async ({ page }) => {
  const name = `E2E program ${uniqueSuffix()}`;
  await signInAsAdmin(page);

  await page.goto("/admin/referrals");
  await page.getByTestId("referral-programs-link").click();
  await page.waitForURL(/\/admin\/referrals\/programs$/);
  await page.getByTestId("new-referral-program").click();
  await page.waitForURL(/\/admin\/referrals\/programs\/new$/);

  await page.getByTestId("program-name").fill(name);
  await expect(page.getByTestId("program-trigger-sign_up")).toBeChecked();
  await page.getByTestId("program-constraint-minimum_payment_cents").check();
  await page.getByTestId("program-constraint-minimum_payment_cents-amount_cents").fill("500");
  await page.getByTestId("program-reward-type").selectOption("free_days");
  await page.getByTestId("program-reward-days").fill("30");
  await page.getByTestId("program-reward-subscription_type_code").fill("web_monthly");
  await page.getByTestId("program-friend-reward-type").selectOption("discount");
  await page.getByTestId("program-friend-reward-kind").selectOption("percent");
  await page.getByTestId("program-friend-reward-percent_off").fill("20");
  await page.getByTestId("program-cap").fill("5");

  // A minimum payment needs the "Friend pays" trigger: refused, with the message beside the constraints.
  await page.getByTestId("program-save").click();
  await expect(page.getByTestId("error-program-constraints")).toContainText("Friend pays");
  await expect(page).toHaveURL(/\/admin\/referrals\/programs\/new$/);

  await page.getByTestId("program-constraint-minimum_payment_cents").uncheck();
  await page.getByTestId("program-save").click();
  await page.waitForURL(/\/admin\/referrals\/programs\?saved=/);
  await expect(page.getByTestId("saved-notice")).toContainText(name);

  const row = page.getByTestId(/^referral-program-row-\d+$/).filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("program-rewards")).toContainText("30 free days");
  await expect(row.getByTestId("program-rewards")).toContainText("20% off a payment");
  await expect(row).toContainText("at most 5 per referrer");
  await expect(row.getByTestId("program-default-badge")).toHaveCount(0);

  await row.getByRole("link", { name }).click();
  await page.waitForURL(/\/admin\/referrals\/programs\/\d+$/);
  await page.reload();
  await expect(page.getByTestId("page-title")).toHaveText(name);
  await expect(page.getByTestId("program-name")).toHaveValue(name);
  await expect(page.getByTestId("program-trigger-sign_up")).toBeChecked();
  await expect(page.getByTestId("program-constraint-minimum_payment_cents")).not.toBeChecked();
  await expect(page.getByTestId("program-reward-type")).toHaveValue("free_days");
  await expect(page.getByTestId("program-reward-days")).toHaveValue("30");
  await expect(page.getByTestId("program-reward-subscription_type_code")).toHaveValue("web_monthly");
  await expect(page.getByTestId("program-friend-reward-type")).toHaveValue("discount");
  await expect(page.getByTestId("program-friend-reward-kind")).toHaveValue("percent");
  await expect(page.getByTestId("program-friend-reward-percent_off")).toHaveValue("20");
  await expect(page.getByTestId("program-cap")).toHaveValue("5");
  await expect(page.getByTestId("program-default")).not.toBeChecked();
});
