import { AccountPage } from "./pages/account-page";
import { FamilyMasterPage } from "./pages/admin/family-master-page";
import { FamilyActivationPage } from "./pages/family-activation-page";
import { FamilyPage } from "./pages/family-page";
import { LoginPage } from "./pages/login-page";
import { RegisterPage } from "./pages/register-page";
import { FAMILY_MASTER_TYPE, ensureFamilyType } from "./support/family-types";
import { createCustomer, expect, signedInAs, test, uniqueSuffix } from "./fixtures";

/*
 * The customer side of family subscriptions, end to end: a parent buys the demo's family_web_yearly (three codes, each
 * a web yearly subscription with the parent's dates), copies a code's link from /account/family, a friend opens it in
 * a browser of their own, registers from the page, comes back, activates and sees web access in /account; the parent
 * then sees that code accepted, with the friend's email.
 *
 * The codes are generated in the background (the subscription.created function, run by the local executor), so the
 * parent's page is reloaded until they appear.
 */

const PASSWORD = "family-pass-1234";

test("a parent shares a family code; a friend registers from the link, activates it and gets web access", async ({
  adminApi,
  browser,
}) => {
  const suffix = uniqueSuffix();
  await ensureFamilyType(adminApi);

  // The parent: created and paid through the API, then signed in in a browser context of their own.
  const parent = await createCustomer(adminApi, "parent", {
    suffix,
    name: `Parent ${suffix}`,
    buys: { items: [{ subscription_type_code: FAMILY_MASTER_TYPE }] },
  });
  const parentSession = await signedInAs(browser, parent);
  const parentFamily = new FamilyPage(parentSession.page);

  // The codes appear once the background generation has run.
  await expect(async () => {
    await parentFamily.goto();
    expect(await parentFamily.codes.count()).toBe(3);
  }).toPass({ timeout: 30_000, intervals: [1_000, 2_000] });
  await expect(parentFamily.codes.first().getByTestId("family-code-status")).toHaveText(
    "Available",
  );
  const code = await parentFamily.codeOf(parentFamily.codes.first());
  expect(code).toMatch(/^[0-9a-z]{32}$/);
  const row = parentFamily.code(code);

  // Copy the link (the button works; the test reads the link from its field rather than the clipboard).
  const link = await parentFamily.copyLink(code);
  expect(link).toMatch(new RegExp(`/family/activate/${code}$`));
  const linkPath = new URL(link).pathname;

  // The account links to the family page.
  const parentAccount = new AccountPage(parentSession.page);
  await parentAccount.goto();
  await expect(parentAccount.familyLink).toHaveAttribute("href", "/account/family");

  // A friend opens the link signed out: what it gives and whose it is.
  const friendContext = await browser.newContext();
  const friend = await friendContext.newPage();
  const activation = new FamilyActivationPage(friend);
  await friend.goto(linkPath);
  await expect(activation.type).toHaveText("Web yearly");
  await expect(activation.master).toHaveText(`Parent ${suffix}`);
  await expect(activation.access).toContainText("web");
  await expect(activation.signInLink).toBeVisible();

  // Register from the page and come back to it.
  const friendEmail = `friend-${suffix}@example.com`;
  await activation.registerFirst();
  await new RegisterPage(friend).register({
    name: `Friend ${suffix}`,
    email: friendEmail,
    password: PASSWORD,
  });
  await friend.waitForURL((url) => url.pathname === linkPath);

  // Activate: the result, then the account shows the web yearly subscription with web access.
  await activation.activate();
  await expect(activation.result).toBeVisible();
  await expect(activation.result.getByTestId("content-access")).toContainText("web");
  await expect(activation.error).toHaveCount(0);
  await activation.openAccount();
  const subscription = new AccountPage(friend).subscriptionNamed("Web yearly");
  await expect(subscription).toHaveCount(1);
  await expect(subscription.getByTestId("content-access")).toContainText("web");
  await expect(subscription.getByTestId("subscription-state")).toHaveText("Actual");

  // The link now says it has been used.
  await friend.goto(linkPath);
  await expect(activation.result).toContainText("yours since");
  await expect(activation.activateButton).toHaveCount(0);

  // The parent sees the code accepted, by the friend, with a Release button.
  await parentFamily.goto();
  await expect(row.getByTestId("family-code-status")).toHaveText("Accepted");
  await expect(row.getByTestId("family-code-child")).toContainText(friendEmail);
  await expect(row.locator('[data-testid^="family-release-"]')).toBeVisible();

  await friendContext.close();
  await parentSession.context.close();
});

test("an admin activates a family code for a user and releases it: a replacement code takes its place", async ({
  page,
  adminApi,
}) => {
  const suffix = uniqueSuffix();
  await ensureFamilyType(adminApi);
  const parent = await createCustomer(adminApi, "admin-parent", {
    suffix,
    buys: { items: [{ subscription_type_code: FAMILY_MASTER_TYPE }] },
  });
  const friend = await createCustomer(adminApi, "admin-friend", { suffix });

  // The admin's view of the master; the codes appear once generated.
  await new LoginPage(page).signInAsAdmin();
  const master = new FamilyMasterPage(page);
  await expect(async () => {
    await master.goto(parent.id);
    expect(await master.codes.count()).toBe(3);
  }).toPass({ timeout: 30_000, intervals: [1_000, 2_000] });
  const code = await master.codeOf(master.codes.first());

  await master.activateFor(code, friend.email);
  const row = master.code(code);
  await expect(row).toContainText("accepted");
  await expect(row).toContainText(friend.email);

  await master.release(code);
  await expect(row).toContainText("canceled");
  // Three codes that can still be used: the two untouched and the replacement.
  await expect(master.codesWithStatus("created")).toHaveCount(3);
});
