import { extractPdfText } from "../support/pdf-text";
import { AccountPage } from "./pages/account-page";
import { BillingPage } from "./pages/billing-page";
import { LoginPage } from "./pages/login-page";
import { RegisterPage } from "./pages/register-page";
import { SubscribePage } from "./pages/subscribe-page";
import { storyCustomers } from "./support/story-customers";
import { createCustomer, expect, stopRenewalAsCustomer, test, uniqueSuffix } from "./fixtures";

/*
 * Billing self-service: a new customer buys Web monthly with automatic renewal, then on /account/billing stops and
 * resumes the renewal, schedules the switch to yearly and takes it back, and replaces the card; a customer whose Web
 * monthly renewal was declined on tok_declined and stopped as charge_failed (the demo seed's Petra, lived again by a
 * customer of this run) pays it with a new card and has web access again; a customer who stopped their Club monthly
 * renewal resumes it.
 */

test("a customer stops and resumes the renewal, schedules yearly and takes it back, and replaces the card", async ({
  page,
}) => {
  const suffix = uniqueSuffix();
  const register = new RegisterPage(page);
  await register.goto("/subscribe/web_monthly");
  await register.register({
    name: `Billing ${suffix}`,
    email: `billing-${suffix}@example.com`,
    password: "billing-pass-1234",
  });
  await page.waitForURL((url) => url.pathname === "/subscribe/web_monthly");
  const checkout = await new SubscribePage(page).continueToPayment();
  await checkout.payWith("tok_visa");
  await expect(checkout.result).toBeVisible();

  const account = new AccountPage(page);
  await account.goto();
  await account.openSection("Billing");
  const billing = new BillingPage(page);
  await expect(billing.savedCard).toContainText("Visa •••• 4242");
  await expect(billing.nextPlan).toContainText("Web monthly");

  await billing.stopRenewal();
  await expect(billing.renewal).toContainText("Stopped by customer");
  await billing.resumeRenewal();
  await expect(billing.renewal).toContainText("Active");

  await billing.switchPlanAtRenewal("web_yearly");
  await expect(billing.planChangeScheduled).toContainText("Web yearly");
  await expect(billing.nextPlan).toContainText("€49.90 every year");
  await billing.cancelPlanChange();
  await expect(billing.nextPlan).toContainText("Web monthly");

  await billing.changeCard("tok_declined");
  await expect(billing.changeCardError).toContainText("declined");
  await billing.changeCard("tok_visa");
  await expect(billing.changeCardSaved).toBeVisible();

  // The purchase's receipt: a PDF named by its number, printing the number and the amount.
  const receipt = billing.latestReceiptLink();
  const number = ((await receipt.getAttribute("title")) ?? "").replace("Receipt ", "");
  expect(number).toMatch(/^\d{4}-\d{6}$/);
  const [download] = await Promise.all([page.waitForEvent("download"), receipt.click()]);
  expect(download.suggestedFilename()).toBe(`receipt-${number}.pdf`);
  const pdf = await page.request.get((await receipt.getAttribute("href")) ?? "");
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const body = await pdf.body();
  expect(body.subarray(0, 5).toString()).toBe("%PDF-");
  const text = extractPdfText(body);
  expect(text).toContain(number);
  expect(text).toContain("€4.99");
});

test("a customer pays their failed renewal with a new card and has web access again", async ({
  page,
}) => {
  const { failedRenewal } = storyCustomers();
  await new LoginPage(page).signIn(failedRenewal.email, failedRenewal.password);
  const account = new AccountPage(page);
  await expect(account.renewalBillingLink).toBeVisible();
  await account.renewalBillingLink.click();
  await page.waitForURL((url) => url.pathname === "/account/billing");
  const billing = new BillingPage(page);
  await expect(billing.failedRenewal).toContainText("declined");

  // The saved card is the one that was declined: it is declined again.
  let checkout = await billing.payFailedRenewal();
  await checkout.payWith("saved_card");
  await expect(checkout.error).toContainText("declined");

  // The renewal stays payable from the billing page; this time with a new card.
  await billing.goto();
  checkout = await billing.payFailedRenewal();
  await checkout.payWith("tok_visa");
  await expect(checkout.result).toContainText("Web monthly");

  await account.goto();
  const web = account.subscriptions
    .filter({ hasText: "Web monthly" })
    .filter({ has: page.getByText("Actual") });
  await expect(web).toHaveCount(1);
  await billing.goto();
  await expect(billing.failedRenewal).toHaveCount(0);
  await expect(billing.renewal).toContainText("Active");
  await expect(billing.savedCard).toContainText("Visa •••• 4242");
});

test("a customer resumes the renewal they stopped", async ({ page, adminApi, request }) => {
  const customer = await createCustomer(adminApi, "club", {
    buys: {
      items: [{ subscription_type_code: "club_monthly" }],
      gateway: "demo",
      recurrent: { card_token: "tok_visa" },
    },
  });
  await stopRenewalAsCustomer(request, customer);

  await new LoginPage(page).signIn(customer.email, customer.password);
  const billing = new BillingPage(page);
  await billing.goto();
  await expect(billing.renewal).toContainText("Stopped by customer");
  await billing.resumeRenewal();
  await expect(billing.renewal).toContainText("Active");
  await expect(billing.stopRenewalButton).toBeVisible();
});
