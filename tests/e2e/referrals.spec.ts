import { AccountPage } from "./pages/account-page";
import { CheckoutPage } from "./pages/checkout-page";
import { ReferralsPage } from "./pages/referrals-page";
import { RegisterPage } from "./pages/register-page";
import { createCustomer, expect, signedInAs, test, uniqueSuffix } from "./fixtures";

/*
 * Refer-a-friend, end to end: a referrer copies their referral link from /account/referrals, a friend opens it in a
 * browser of their own, registers (the page names the referrer), and pays a payment the admin created for them at the
 * demo checkout; the referral completes in the background and the referrer's subscription is extended by the
 * program's days.
 *
 * Assumptions (the demo seed, `npm run db:seed`):
 * - The active default referral program is "Bring a friend": trigger first_payment, reward free_days 30 (extending
 *   the referrer's running subscription), friend reward a 20% discount, and a cap of 100.
 * - The subscription type web_monthly exists at €4.99, and the demo gateway's Visa test card (tok_visa) is always charged.
 * - The friend's reward is granted with the referral's completion: a discount code listed on their /account/referrals.
 * - Completion runs in the local executor (payment.paid), so the referrer's page is reloaded until the row says Complete.
 *
 * The fraud guard holds a friend seen on the referrer's browser or IP. Each person here has a browser context of
 * their own (their own browser id) and a documentation-range client IP of their own (X-Forwarded-For, which Next
 * keeps when the client sends it), so this referral is not held for review.
 */

const PROGRAM_DAYS = 30;
const FRIEND_PASSWORD = "friend-pass-1234";
const REFERRER_IP = "203.0.113.41";
const FRIEND_IP = "198.51.100.73";

test("a referrer copies their link, a friend registers through it and pays; the referrer sees the referral complete and their subscription extended", async ({
  adminApi,
  browser,
}) => {
  const suffix = uniqueSuffix();

  // The referrer: a customer with a running web subscription and nothing after it.
  const referrer = await createCustomer(adminApi, "referrer", {
    suffix,
    name: `Referrer ${suffix}`,
    buys: { items: [{ subscription_type_code: "web_monthly" }] },
  });
  const referrerSession = await signedInAs(browser, referrer, {
    extraHTTPHeaders: { "x-forwarded-for": REFERRER_IP },
  });
  const referrerAccount = new AccountPage(referrerSession.page);
  await expect(referrerAccount.referralsLink).toHaveAttribute("href", "/account/referrals");
  const endBefore = await referrerAccount.latestRunningSubscriptionEnd();

  // Their link from /account/referrals.
  const referrals = new ReferralsPage(referrerSession.page);
  await referrals.goto();
  await expect(referrals.programSummary).toContainText(`you get ${PROGRAM_DAYS} free days`);
  const link = await referrals.copyLink();
  expect(link).toMatch(/\/r\/[0-9a-z]{10}$/);
  const linkPath = new URL(link).pathname;

  // Inviting by email: sent once; the same address again is refused with a message that says why.
  const invited = `invited-${suffix}@example.com`;
  await referrals.invite(invited, `Invited ${suffix}`);
  await expect(referrals.inviteSuccess).toContainText(`Invitation sent to ${invited}`);
  await expect(referrals.referralOf(`Invited ${suffix}`)).toContainText("Invited by email");
  await referrals.invite(invited);
  await expect(referrals.inviteError).toContainText("already been invited");

  // The friend opens the link signed out: sign-up, naming the referrer.
  const friendContext = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": FRIEND_IP },
  });
  const friend = await friendContext.newPage();
  await friend.goto(linkPath);
  await friend.waitForURL((url) => url.pathname === "/register");
  const registration = new RegisterPage(friend);
  await expect(registration.referredBy).toHaveText(`${referrer.name} invited you`);
  await expect(registration.friendOffer).toHaveText(
    "You get 20% off a payment when you first pay.",
  );

  const friendName = `Friend ${suffix}`;
  const friendEmail = `referred-${suffix}@example.com`;
  await registration.register({ name: friendName, email: friendEmail, password: FRIEND_PASSWORD });
  await friend.waitForURL((url) => url.pathname === "/account");

  // The referrer sees the friend as a pending referral through their link.
  await expect(async () => {
    await referrals.goto();
    await expect(referrals.referralOf(friendName)).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 30_000, intervals: [1_000, 2_000] });
  await expect(referrals.referralStatus(friendName)).toHaveText("Pending");
  await expect(referrals.referralOf(friendName)).toContainText("Through your link");

  // The admin creates a payment for the friend (whose id the friend's own API login gives, from the friend's browser
  // context so it carries the friend's IP); the friend pays it with the Visa test card.
  const login = await friend.request.post("/api/v1/users/login", {
    data: { email: friendEmail, password: FRIEND_PASSWORD },
  });
  expect(login.status(), await login.text()).toBe(200);
  const friendId = ((await login.json()) as { user: { id: number } }).user.id;
  const first = await adminApi.createPayment(friendId, {
    gateway: "demo",
    items: [{ subscription_type_code: "web_monthly" }],
  });
  const checkout = new CheckoutPage(friend);
  await checkout.goto(first.id);
  await checkout.payWith("tok_visa");
  await expect(checkout.result).toBeVisible();

  // The payment.paid function completes the referral in the background.
  await expect
    .poll(
      async () => {
        await referrals.goto();
        return (await referrals.referralStatus(friendName).textContent())?.trim();
      },
      { timeout: 30_000, intervals: [1_000, 2_000] },
    )
    .toBe("Complete");
  await expect(
    referrals.rewards.filter({ hasText: `${PROGRAM_DAYS} free days` }).first(),
  ).toBeVisible();

  // The referrer's subscription now ends the program's days later.
  const endAfter = await referrerAccount.latestRunningSubscriptionEnd();
  expect((endAfter - endBefore) / 86_400_000).toBe(PROGRAM_DAYS);

  // The friend's reward: a 20% code, applied at the checkout of their next payment, removed and applied again.
  const friendReferrals = new ReferralsPage(friend);
  await friendReferrals.goto();
  const friendReward = friendReferrals.rewards.filter({ has: friendReferrals.discountCodes });
  await expect(friendReward).toHaveCount(1);
  const discountCode = (
    (await friendReward.getByTestId("reward-discount-code").textContent()) ?? ""
  ).trim();
  expect(discountCode).not.toBe("");
  const second = await adminApi.createPayment(friendId, {
    gateway: "demo",
    items: [{ subscription_type_code: "web_monthly" }],
  });

  await checkout.goto(second.id);
  await expect(checkout.amount).toHaveText("€4.99");
  await checkout.applyDiscountCode(discountCode.toLowerCase());
  await expect(checkout.discountApplied).toContainText("−€1.00");
  await expect(checkout.amount).toHaveText("€3.99");
  await checkout.removeDiscount();
  await expect(checkout.amount).toHaveText("€4.99");
  await checkout.applyDiscountCode(discountCode);
  await expect(checkout.amount).toHaveText("€3.99");
  await expect(checkout.payButton).toHaveText("Pay €3.99");
  await checkout.payButton.click();
  await expect(checkout.result).toBeVisible();
  await friendReferrals.goto();
  await expect(friendReward).toContainText("Used");

  await friendContext.close();
  await referrerSession.context.close();
});
