import { expect, test, type Page } from "@playwright/test";
import { createApiTokenInAdmin, signIn, signInAsAdmin, uniqueSuffix } from "./fixtures";

/*
 * Refer-a-friend, end to end: Jane copies her referral link from /account/referrals, a friend opens it in a browser
 * of their own, registers (the page names Jane), and pays a payment the admin created for them at the demo checkout;
 * the referral completes in the background and Jane's subscription is extended by the program's days.
 *
 * Assumptions (the demo seed, `npm run db:seed`):
 * - jane@subflow.test / jane1234 has a running (Actual) web subscription and no upcoming one after it.
 * - The active default referral program is "Bring a friend": trigger first_payment, reward free_days 30 (extending
 *   the referrer's running subscription), friend reward a 20% discount, and a cap (100) Jane will not reach by rerunning this.
 * - The subscription type web_monthly exists at €4.99, and the demo gateway's Visa test card (tok_visa) is always charged.
 * - The friend's reward is granted with the referral's completion: a discount code listed on their /account/referrals.
 * - Completion runs in the local executor (payment.paid), so Jane's page is reloaded until the row says Complete.
 *
 * The fraud guard holds a friend seen on the referrer's browser or IP. Each person here has a browser context of
 * their own (their own browser id) and a documentation-range client IP of their own (X-Forwarded-For, which Next
 * keeps when the client sends it), so this referral is not held for review.
 */

const PROGRAM_DAYS = 30;
const JANE = { email: "jane@subflow.test", password: "jane1234", name: "Jane Novak" };
const FRIEND_PASSWORD = "friend-pass-1234";
const JANE_IP = "203.0.113.41";
const FRIEND_IP = "198.51.100.73";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2 Jan 2027" (the account's UTC date format) → milliseconds at UTC midnight. */
function parseAccountDate(text: string): number {
  const match = /^(\d{1,2}) (\w{3}) (\d{4})$/.exec(text.trim());
  const month = match ? MONTHS.indexOf(match[2]!) : -1;
  if (!match || month < 0) throw new Error(`not an account date: "${text}"`);
  return Date.UTC(Number(match[3]), month, Number(match[1]));
}

/** The latest end date among the subscriptions /account shows as running or upcoming. */
async function latestSubscriptionEnd(page: Page): Promise<number> {
  await page.goto("/account");
  const rows = page.getByTestId("my-subscription");
  await expect(rows.first()).toBeVisible();
  const ends: number[] = [];
  for (const row of await rows.all()) {
    if ((await row.getByTestId("subscription-state").textContent())?.trim() === "Ended") continue;
    const range = /(\d{1,2} \w{3} \d{4}) – (\d{1,2} \w{3} \d{4})/.exec((await row.textContent()) ?? "");
    if (range) ends.push(parseAccountDate(range[2]!));
  }
  expect(ends.length, "Jane needs a running subscription (demo seed)").toBeGreaterThan(0);
  return Math.max(...ends);
}

test("Jane copies her link, a friend registers through it and pays; Jane sees the referral complete and her subscription extended", async ({
  page,
  request,
  browser,
}) => {
  const suffix = uniqueSuffix();

  // The admin's API token, to create the friend's payment later.
  await signInAsAdmin(page);
  const adminToken = await createApiTokenInAdmin(page, `e2e-referrals-${suffix}`, ["payments:write"]);

  // Jane: her subscription's end before, then her link from /account/referrals.
  const janeContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": JANE_IP } });
  const jane = await janeContext.newPage();
  await signIn(jane, JANE.email, JANE.password);
  await expect(jane.getByTestId("referrals-link")).toHaveAttribute("href", "/account/referrals");
  const endBefore = await latestSubscriptionEnd(jane);

  await jane.goto("/account/referrals");
  await expect(jane.getByTestId("referral-program-summary")).toContainText(`you get ${PROGRAM_DAYS} free days`);
  await jane.getByTestId("referral-link-copy").click();
  const link = await jane.getByTestId("referral-link").inputValue();
  expect(link).toMatch(/\/r\/[0-9a-z]{10}$/);
  const linkPath = new URL(link).pathname;

  // Inviting by email: sent once; the same address again is refused with a message that says why.
  const invited = `invited-${suffix}@example.com`;
  await jane.getByTestId("invite-email").fill(invited);
  await jane.getByTestId("invite-name").fill(`Invited ${suffix}`);
  await jane.getByTestId("invite-submit").click();
  await expect(jane.getByTestId("invite-success")).toContainText(`Invitation sent to ${invited}`);
  await expect(jane.getByTestId("referral-row").filter({ hasText: `Invited ${suffix}` })).toContainText("Invited by email");
  await jane.getByTestId("invite-email").fill(invited);
  await jane.getByTestId("invite-submit").click();
  await expect(jane.getByTestId("invite-error")).toContainText("already been invited");

  // The friend opens the link signed out: sign-up, naming Jane.
  const friendContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": FRIEND_IP } });
  const friend = await friendContext.newPage();
  await friend.goto(linkPath);
  await friend.waitForURL((url) => url.pathname === "/register");
  await expect(friend.getByTestId("register-referred-by")).toHaveText(`${JANE.name} invited you`);
  await expect(friend.getByTestId("register-friend-offer")).toHaveText("You get 20% off a payment when you first pay.");

  const friendName = `Friend ${suffix}`;
  const friendEmail = `referred-${suffix}@example.com`;
  await friend.getByTestId("register-name").fill(friendName);
  await friend.getByTestId("register-email").fill(friendEmail);
  await friend.getByTestId("register-password").fill(FRIEND_PASSWORD);
  await friend.getByTestId("register-submit").click();
  await friend.waitForURL((url) => url.pathname === "/account");

  // Jane sees the friend as a pending referral through her link.
  const row = jane.getByTestId("referral-row").filter({ hasText: friendName });
  await expect(async () => {
    await jane.goto("/account/referrals");
    await expect(row).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 30_000, intervals: [1_000, 2_000] });
  await expect(row.getByTestId("referral-status")).toHaveText("Pending");
  await expect(row).toContainText("Through your link");

  // The admin creates a payment for the friend (whose id the friend's own API login gives, from the friend's browser
  // context so it carries the friend's IP); the friend pays it with the Visa test card.
  const login = await friend.request.post("/api/v1/users/login", { data: { email: friendEmail, password: FRIEND_PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  const friendId = ((await login.json()) as { user: { id: number } }).user.id;
  const created = await request.post("/api/v1/payments", {
    headers: { authorization: `Bearer ${adminToken}` },
    data: { user_id: friendId, gateway: "demo", items: [{ subscription_type_code: "web_monthly" }] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const paymentId = ((await created.json()) as { payment: { id: number } }).payment.id;

  await friend.goto(`/checkout/${paymentId}`);
  await friend.getByTestId("checkout-card-tok_visa").check();
  await friend.getByTestId("checkout-pay").click();
  await expect(friend.getByTestId("checkout-result")).toBeVisible();

  // The payment.paid function completes the referral in the background.
  await expect
    .poll(
      async () => {
        await jane.goto("/account/referrals");
        return (await row.getByTestId("referral-status").textContent())?.trim();
      },
      { timeout: 30_000, intervals: [1_000, 2_000] },
    )
    .toBe("Complete");
  await expect(jane.getByTestId("reward-row").filter({ hasText: `${PROGRAM_DAYS} free days` }).first()).toBeVisible();

  // Jane's subscription now ends the program's days later.
  const endAfter = await latestSubscriptionEnd(jane);
  expect((endAfter - endBefore) / 86_400_000).toBe(PROGRAM_DAYS);

  // The friend's reward: a 20% code, applied at the checkout of their next payment, removed and applied again.
  await friend.goto("/account/referrals");
  const friendReward = friend.getByTestId("reward-row").filter({ has: friend.getByTestId("reward-discount-code") });
  await expect(friendReward).toHaveCount(1);
  const discountCode = ((await friendReward.getByTestId("reward-discount-code").textContent()) ?? "").trim();
  expect(discountCode).not.toBe("");
  const second = await request.post("/api/v1/payments", {
    headers: { authorization: `Bearer ${adminToken}` },
    data: { user_id: friendId, gateway: "demo", items: [{ subscription_type_code: "web_monthly" }] },
  });
  expect(second.status(), await second.text()).toBe(201);
  const secondId = ((await second.json()) as { payment: { id: number } }).payment.id;

  await friend.goto(`/checkout/${secondId}`);
  await expect(friend.getByTestId("checkout-amount")).toHaveText("€4.99");
  await friend.getByTestId("discount-code-input").fill(discountCode.toLowerCase());
  await friend.getByTestId("discount-code-apply").click();
  await expect(friend.getByTestId("discount-applied")).toContainText("−€1.00");
  await expect(friend.getByTestId("checkout-amount")).toHaveText("€3.99");
  await friend.getByTestId("discount-remove").click();
  await expect(friend.getByTestId("checkout-amount")).toHaveText("€4.99");
  await friend.getByTestId("discount-code-input").fill(discountCode);
  await friend.getByTestId("discount-code-apply").click();
  await expect(friend.getByTestId("checkout-amount")).toHaveText("€3.99");
  await expect(friend.getByTestId("checkout-pay")).toHaveText("Pay €3.99");
  await friend.getByTestId("checkout-pay").click();
  await expect(friend.getByTestId("checkout-result")).toBeVisible();
  await friend.goto("/account/referrals");
  await expect(friendReward).toContainText("Used");

  await friendContext.close();
  await janeContext.close();
});
