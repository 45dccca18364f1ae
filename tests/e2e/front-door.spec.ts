import type { Browser } from "@playwright/test";
import { AccountPage } from "./pages/account-page";
import { PricingPage } from "./pages/pricing-page";
import { ReferralsPage } from "./pages/referrals-page";
import { RegisterPage } from "./pages/register-page";
import { SubscribePage } from "./pages/subscribe-page";
import { expect, test, uniqueSuffix } from "./fixtures";

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
  const referrerRegistration = new RegisterPage(referrer.page);
  await referrerRegistration.goto();
  await referrerRegistration.register({
    name: `Referrer ${suffix}`,
    email: `referrer-${suffix}@example.com`,
    password: PASSWORD,
  });
  await referrer.page.waitForURL((url) => url.pathname === "/account");
  const referrerReferrals = new ReferralsPage(referrer.page);
  await referrerReferrals.goto();
  const linkPath = await referrerReferrals.linkPath();

  // The friend opens the link, then the pricing page: it names the offer.
  const friend = await newPerson(browser, "198.51.100.90");
  const page = friend.page;
  await page.goto(linkPath);
  await page.waitForURL((url) => url.pathname === "/register");
  const pricing = new PricingPage(page);
  await pricing.openFromHome();
  await expect(pricing.referralOffer).toContainText("20%");
  await expect(pricing.plan("web_monthly")).toContainText("€4.99");
  await pricing.choose("web_monthly");

  // Signed out: register from the checkout and come back to it.
  const subscribe = new SubscribePage(page);
  await subscribe.registerFirst();
  await new RegisterPage(page).register({
    name: `Friend ${suffix}`,
    email: `friend-${suffix}@example.com`,
    password: PASSWORD,
  });
  await page.waitForURL((url) => url.pathname === "/subscribe/web_monthly");
  await expect(subscribe.summary).toContainText("Web monthly");
  await expect(subscribe.startDate).toContainText(/today/i);
  await expect(subscribe.welcomeDiscount).toContainText("20%");
  await expect(subscribe.renewAutomatically).toBeChecked();
  const checkout = await subscribe.continueToPayment();
  await expect(checkout.amount).toHaveText("€3.99");

  // A declined card: the checkout stays payable and says why.
  await checkout.payWith("tok_declined");
  await expect(checkout.error).toContainText("declined");
  await expect(checkout.payButton).toBeEnabled();

  // The Visa card, double-clicked: one payment.
  await checkout.payWithDoubleClick("tok_visa");
  await expect(checkout.result).toContainText("Web monthly is yours");
  await expect(checkout.result).toContainText("renews automatically");

  await checkout.openAccount();
  const account = new AccountPage(page);
  await expect(
    account.subscriptionNamed("Web monthly").getByTestId("subscription-state"),
  ).toHaveText("Actual");
  await expect(account.payments).toHaveCount(1);
  await expect(account.payments.first()).toContainText("€3.99");
  await expect(account.renewal).toBeVisible();

  // The referral completes in the background (payment.paid); the referrer sees it and their reward.
  await expect
    .poll(
      async () => {
        await referrerReferrals.goto();
        return (await referrerReferrals.referralStatus(`Friend ${suffix}`).textContent())?.trim();
      },
      { timeout: 30_000, intervals: [1_000, 2_000] },
    )
    .toBe("Complete");
  await expect(referrerReferrals.rewards.first()).toBeVisible();

  // The friend's reward is the discount they already had: no second code.
  const friendReferrals = new ReferralsPage(page);
  await friendReferrals.goto();
  await expect(friendReferrals.discountCodes).toHaveCount(0);

  await friend.context.close();
  await referrer.context.close();
});

test("the pricing page fits a phone and switches to yearly; a type that is not offered has no checkout", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const pricing = new PricingPage(page);
  await pricing.goto();
  await expect(pricing.plan("web_monthly")).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await pricing.showYearly();
  await expect(pricing.plan("web_yearly")).toBeVisible();
  await new SubscribePage(page).goto("web_monthly_intro");
  await expect(page.getByText(/not found|could not be found/i).first()).toBeVisible();
});
