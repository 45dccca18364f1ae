import { ReferralProgramsPage } from "./pages/admin/referral-programs-page";
import { LoginPage } from "./pages/login-page";
import { expect, test, uniqueSuffix } from "./fixtures";

/*
 * Referral programs admin: an admin fills the program form (options fields rendered from each registry entry's schema),
 * sees a field error for a minimum payment without the payment trigger, then creates a program with a free_days reward
 * and a percent discount for the friend, finds it in the list in words, and after a reload finds every setting in the
 * edit form. The program is not made the default, so other tests' referrals keep joining theirs.
 */

test("an admin creates a referral program with a free-days reward and a friend discount", async ({
  page,
}) => {
  const name = `E2E program ${uniqueSuffix()}`;
  await new LoginPage(page).signInAsAdmin();

  const programs = new ReferralProgramsPage(page);
  await programs.openNewProgramForm();
  await programs.field("name").fill(name);
  await expect(programs.field("trigger-sign_up")).toBeChecked();
  await programs.field("constraint-minimum_payment_cents").check();
  await programs.field("constraint-minimum_payment_cents-amount_cents").fill("500");
  await programs.field("reward-type").selectOption("free_days");
  await programs.field("reward-days").fill("30");
  await programs.field("reward-subscription_type_code").fill("web_monthly");
  await programs.field("friend-reward-type").selectOption("discount");
  await programs.field("friend-reward-kind").selectOption("percent");
  await programs.field("friend-reward-percent_off").fill("20");
  await programs.field("cap").fill("5");

  // A minimum payment needs the "Friend pays" trigger: refused, with the message beside the constraints.
  await programs.save();
  await expect(programs.error("constraints")).toContainText("Friend pays");
  await expect(page).toHaveURL(/\/admin\/referrals\/programs\/new$/);

  await programs.field("constraint-minimum_payment_cents").uncheck();
  await programs.save();
  await page.waitForURL(/\/admin\/referrals\/programs\?saved=/);
  await expect(programs.savedNotice).toContainText(name);

  const row = programs.program(name);
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("program-rewards")).toContainText("30 free days");
  await expect(row.getByTestId("program-rewards")).toContainText("20% off a payment");
  await expect(row).toContainText("at most 5 per referrer");
  await expect(row.getByTestId("program-default-badge")).toHaveCount(0);

  await programs.openProgram(name);
  await page.reload();
  await expect(programs.title).toHaveText(name);
  await expect(programs.field("name")).toHaveValue(name);
  await expect(programs.field("trigger-sign_up")).toBeChecked();
  await expect(programs.field("constraint-minimum_payment_cents")).not.toBeChecked();
  await expect(programs.field("reward-type")).toHaveValue("free_days");
  await expect(programs.field("reward-days")).toHaveValue("30");
  await expect(programs.field("reward-subscription_type_code")).toHaveValue("web_monthly");
  await expect(programs.field("friend-reward-type")).toHaveValue("discount");
  await expect(programs.field("friend-reward-kind")).toHaveValue("percent");
  await expect(programs.field("friend-reward-percent_off")).toHaveValue("20");
  await expect(programs.field("cap")).toHaveValue("5");
  await expect(programs.field("default")).not.toBeChecked();
});
