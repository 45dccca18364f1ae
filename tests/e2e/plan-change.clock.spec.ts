import { BillingPage } from "./pages/billing-page";
import { LoginPage } from "./pages/login-page";
import { createCustomer, expect, test } from "./fixtures";

/*
 * A customer with Web monthly renewed by card switches to yearly at period end; the dev clock moves past their charge
 * date and the renewal cron charges the yearly price.
 *
 * This file runs in the `clock` project, after every other browser test (playwright.config.ts): moving the server's
 * clock forward would change what the others see.
 */

test("a customer switches to yearly at period end and the next renewal charges the yearly price", async ({
  page,
  adminApi,
}) => {
  const customer = await createCustomer(adminApi, "yearly-switch", {
    buys: {
      items: [{ subscription_type_code: "web_monthly" }],
      gateway: "demo",
      recurrent: { card_token: "tok_visa" },
    },
  });
  await new LoginPage(page).signIn(customer.email, customer.password, "/account/billing");
  const billing = new BillingPage(page);
  await billing.switchPlanAtRenewal("web_yearly");
  await expect(billing.planChangeScheduled).toContainText("Web yearly");

  // Forty days: past the customer's next charge date (when the month they bought ends).
  await adminApi.advanceClock(40 * 24 * 60);

  const newest = billing.paymentHistory.first();
  await expect
    .poll(
      async () => {
        await billing.goto();
        return (await newest.textContent()) ?? "";
      },
      { timeout: 60_000, intervals: [1_000, 2_000, 3_000] },
    )
    .toContain("Web yearly");
  await expect(newest).toContainText("€49.90");
  await expect(newest).toContainText("Paid");
  await expect(billing.nextPlan).toContainText("Web yearly · €49.90 every year");
  await expect(billing.planChangeScheduled).toHaveCount(0);
});
