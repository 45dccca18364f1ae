import { expect, test, type Browser, type Page } from "@playwright/test";
import { uniqueSuffix } from "./fixtures";

/*
 * The front door, end to end: a referrer's friend opens the referral link, looks at the pricing page, picks Web
 * monthly, registers from the checkout and comes back to it, sees the referral discount and the start date, pays
 * with a declined card, then double-clicks pay with the Visa test card (one payment), sees the result page and web
 * access on /account; the referrer's reward appears on their /account/referrals.
 *
 * Assumptions (the demo seed): web_monthly (Web monthly, €4.99) is offered on /subscribe; the default referral
 * program "Bring a friend" completes on the friend's first payment, gives the friend 20% off (so €3.99) and the
 * referrer 30 free days, or a Web monthly when nothing runs (a new referrer has nothing running). Each person has a
 * browser context and a documentation-range client IP of their own, so the fraud guard holds nothing.
 */

const PASSWORD = "front-door-1234";

async function register(page: Page, name: string, email: string) {
  await page.getByTestId("register-name").fill(name);
  await page.getByTestId("register-email").fill(email);
  await page.getByTestId("register-password").fill(PASSWORD);
  await page.getByTestId("register-submit").click();
}

async function newPerson(browser: Browser, ip: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": ip } });
  return { context, page: await context.newPage() };
}

test("a referred visitor subscribes from the pricing page: register, a decline, one payment on a double click, web access, the referrer rewarded", async ({
  browser,
}) => {
  const suffix = uniqueSuffix();

  // The referrer: a new customer with a link.
  const referrer = await newPerson(browser, "203.0.113.90");
  await referrer.page.goto("/register");
  await register(referrer.page, `Referrer ${suffix}`, `referrer-${suffix}@example.com`);
  await referrer.page.waitForURL((url) => url.pathname === "/account");
  await referrer.page.goto("/account/referrals");
  const linkPath = new URL(await referrer.page.getByTestId("referral-link").inputValue()).pathname;

  // The friend opens the link, then the pricing page: it names the offer.
  const friend = await newPerson(browser, "198.51.100.90");
  const page = friend.page;
  await page.goto(linkPath);
  await page.waitForURL((url) => url.pathname === "/register");
  await page.goto("/");
  await page.getByRole("link", { name: /plans/i }).first().click();
  await page.waitForURL((url) => url.pathname === "/subscribe");
  await expect(page.getByTestId("pricing-referral-offer")).toContainText("20%");
  await expect(page.getByTestId("pricing-plan-web_monthly")).toContainText("€4.99");
  await page.getByTestId("pricing-choose-web_monthly").click();
  await page.waitForURL((url) => url.pathname === "/subscribe/web_monthly");

  // Signed out: register from the checkout and come back to it.
  await page.getByTestId("subscribe-register").click();
  await page.waitForURL((url) => url.pathname === "/register");
  await register(page, `Friend ${suffix}`, `friend-${suffix}@example.com`);
  await page.waitForURL((url) => url.pathname === "/subscribe/web_monthly");
  await expect(page.getByTestId("subscribe-summary")).toContainText("Web monthly");
  await expect(page.getByTestId("subscribe-start-date")).toContainText(/today/i);
  await expect(page.getByTestId("subscribe-welcome-discount")).toContainText("20%");
  await expect(page.getByTestId("subscribe-recurrent")).toBeChecked();
  await page.getByTestId("subscribe-continue").click();
  await page.waitForURL(/\/checkout\/\d+$/);
  await expect(page.getByTestId("checkout-amount")).toHaveText("€3.99");

  // A declined card: the checkout stays payable and says why.
  await page.getByTestId("checkout-card-tok_declined").check();
  await page.getByTestId("checkout-pay").click();
  await expect(page.getByTestId("checkout-error")).toContainText("declined");
  await expect(page.getByTestId("checkout-pay")).toBeEnabled();

  // The Visa card, double-clicked: one payment.
  await page.getByTestId("checkout-card-tok_visa").check();
  await page.getByTestId("checkout-pay").dblclick();
  await expect(page.getByTestId("checkout-result")).toContainText("Web monthly is yours");
  await expect(page.getByTestId("checkout-result")).toContainText("renews automatically");

  await page.getByTestId("checkout-result-account").click();
  await page.waitForURL((url) => url.pathname === "/account");
  const subscription = page.getByTestId("my-subscription").filter({ hasText: "Web monthly" });
  await expect(subscription.getByTestId("subscription-state")).toHaveText("Actual");
  await expect(page.getByTestId("my-payment")).toHaveCount(1);
  await expect(page.getByTestId("my-payment").first()).toContainText("€3.99");
  await expect(page.getByTestId("my-recurrent-payment")).toBeVisible();

  // The referral completes in the background (payment.paid); the referrer sees it and their reward.
  const row = referrer.page.getByTestId("referral-row").filter({ hasText: `Friend ${suffix}` });
  await expect
    .poll(
      async () => {
        await referrer.page.goto("/account/referrals");
        return (await row.getByTestId("referral-status").textContent())?.trim();
      },
      { timeout: 30_000, intervals: [1_000, 2_000] },
    )
    .toBe("Complete");
  await expect(referrer.page.getByTestId("reward-row").first()).toBeVisible();

  // The friend's reward is the discount they already had: no second code.
  await page.goto("/account/referrals");
  await expect(page.getByTestId("reward-discount-code")).toHaveCount(0);

  await friend.context.close();
  await referrer.context.close();
});

test("the pricing page fits a phone and switches to yearly; a type that is not offered has no checkout", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/subscribe");
  await expect(page.getByTestId("pricing-plan-web_monthly")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByTestId("pricing-period-yearly").click();
  await expect(page.getByTestId("pricing-plan-web_yearly")).toBeVisible();
  await page.goto("/subscribe/web_monthly_intro");
  await expect(page.getByText(/not found|could not be found/i).first()).toBeVisible();
});
