import { expect, test, type Page } from "@playwright/test";
import { extractPdfText } from "../support/pdf-text";
import { signIn, uniqueSuffix } from "./fixtures";

/*
 * Billing self-service: a new customer buys Web monthly with automatic renewal, then on /account/billing stops and
 * resumes the renewal, schedules the switch to yearly and takes it back, and replaces the card; Petra (demo seed:
 * her Web monthly renewal was declined on tok_declined and stopped as charge_failed) pays it with a new card and has
 * web access again; Emma (demo seed: she stopped her Club monthly renewal) resumes it.
 */

const PASSWORD = "billing-pass-1234";

async function registerAndBuy(page: Page, suffix: string) {
  await page.goto("/register?callbackUrl=/subscribe/web_monthly");
  await page.getByTestId("register-name").fill(`Billing ${suffix}`);
  await page.getByTestId("register-email").fill(`billing-${suffix}@example.com`);
  await page.getByTestId("register-password").fill(PASSWORD);
  await page.getByTestId("register-submit").click();
  await page.waitForURL((url) => url.pathname === "/subscribe/web_monthly");
  await page.getByTestId("subscribe-continue").click();
  await page.waitForURL(/\/checkout\/\d+$/);
  await page.getByTestId("checkout-card-tok_visa").check();
  await page.getByTestId("checkout-pay").click();
  await expect(page.getByTestId("checkout-result")).toBeVisible();
}

test("a customer stops and resumes the renewal, schedules yearly and takes it back, and replaces the card", async ({ page }) => {
  await registerAndBuy(page, uniqueSuffix());
  await page.goto("/account");
  await page.getByTestId("account-nav-billing").click();
  await page.waitForURL((url) => url.pathname === "/account/billing");
  await expect(page.getByTestId("saved-card")).toContainText("Visa •••• 4242");
  await expect(page.getByTestId("billing-next-plan")).toContainText("Web monthly");

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByTestId("renewal-stop").click();
  await expect(page.getByTestId("billing-renewal")).toContainText("Stopped by customer");
  await page.getByTestId("renewal-resume").click();
  await expect(page.getByTestId("billing-renewal")).toContainText("Active");

  await page.getByTestId("plan-choice-web_yearly").check();
  await page.getByTestId("plan-change-submit").click();
  await expect(page.getByTestId("plan-change-scheduled")).toContainText("Web yearly");
  await expect(page.getByTestId("billing-next-plan")).toContainText("€49.90 every year");
  await page.getByTestId("plan-change-cancel").click();
  await expect(page.getByTestId("billing-next-plan")).toContainText("Web monthly");

  await page.getByTestId("new-card-tok_declined").check();
  await page.getByTestId("change-card-submit").click();
  await expect(page.getByTestId("change-card-error")).toContainText("declined");
  await page.getByTestId("new-card-tok_visa").check();
  await page.getByTestId("change-card-submit").click();
  await expect(page.getByTestId("change-card-saved")).toBeVisible();

  // The purchase's receipt: a PDF named by its number, printing the number and the amount.
  const receipt = page.getByTestId("payment-history-row").first().getByTestId("receipt-link");
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

test("Petra pays her failed renewal with a new card and has web access again", async ({ page }) => {
  await signIn(page, "petra@subflow.test", "petra1234");
  await expect(page.getByTestId("renewal-billing-link")).toBeVisible();
  await page.getByTestId("renewal-billing-link").click();
  await page.waitForURL((url) => url.pathname === "/account/billing");
  await expect(page.getByTestId("failed-renewal")).toContainText("declined");
  await page.getByTestId("pay-failed-renewal").click();
  await page.waitForURL(/\/checkout\/\d+$/);

  // Her saved card is the one that was declined: it is declined again.
  await page.getByTestId("checkout-card-saved_card").check();
  await page.getByTestId("checkout-pay").click();
  await expect(page.getByTestId("checkout-error")).toContainText("declined");

  // The renewal stays payable from the billing page; this time with a new card.
  await page.goto("/account/billing");
  await page.getByTestId("pay-failed-renewal").click();
  await page.waitForURL(/\/checkout\/\d+$/);
  await page.getByTestId("checkout-card-tok_visa").check();
  await page.getByTestId("checkout-pay").click();
  await expect(page.getByTestId("checkout-result")).toContainText("Web monthly");

  await page.goto("/account");
  const web = page.getByTestId("my-subscription").filter({ hasText: "Web monthly" }).filter({ has: page.getByText("Actual") });
  await expect(web).toHaveCount(1);
  await page.goto("/account/billing");
  await expect(page.getByTestId("failed-renewal")).toHaveCount(0);
  await expect(page.getByTestId("billing-renewal")).toContainText("Active");
  await expect(page.getByTestId("saved-card")).toContainText("Visa •••• 4242");
});

test("Emma resumes the renewal she stopped", async ({ page }) => {
  await signIn(page, "emma@subflow.test", "emma1234");
  await page.goto("/account/billing");
  await expect(page.getByTestId("billing-renewal")).toContainText("Stopped by customer");
  await page.getByTestId("renewal-resume").click();
  await expect(page.getByTestId("billing-renewal")).toContainText("Active");
  await expect(page.getByTestId("renewal-stop")).toBeVisible();
});
