import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn, signInAsAdmin, uniqueSuffix } from "./fixtures";

/*
 * Issue 16, part 2 end to end: a new customer fills in their profile, changes their password (and signs in with the
 * new one), then forgets it: the reset link, read from the admin mailbox, sets a third password and signs them in.
 */

/** The path of the link in the newest email to this address, as an admin reads it in the mailbox. */
async function linkFromMailbox(browser: Browser, to: string, pathPrefix: string): Promise<string> {
  const context = await browser.newContext();
  const admin = await context.newPage();
  await signInAsAdmin(admin);
  await expect(async () => {
    await admin.goto(`/admin/emails?q=${encodeURIComponent(to)}`);
    await expect(admin.getByTestId("emails-table")).toContainText(to);
  }).toPass({ timeout: 30_000, intervals: [500, 1000, 2000] });
  await admin.getByTestId("email-link").first().click();
  const text = (await admin.getByTestId("email-text").textContent()) ?? "";
  await context.close();
  const match = new RegExp(`${pathPrefix}/[A-Za-z0-9_-]{43}`).exec(text);
  expect(match, text).not.toBeNull();
  return match![0];
}

async function signOut(page: Page) {
  await page.getByTestId("sign-out").click();
  await page.waitForURL((url) => url.pathname === "/login");
}

test("a customer edits their profile, changes the password, then resets it through the emailed link", async ({ page, browser }) => {
  const suffix = uniqueSuffix();
  const email = `profile-${suffix}@example.com`;

  await page.goto("/register");
  await page.getByTestId("register-name").fill(`Pat ${suffix}`);
  await page.getByTestId("register-email").fill(email);
  await page.getByTestId("register-password").fill("first-password");
  await page.getByTestId("register-submit").click();
  await page.waitForURL((url) => url.pathname === "/account");

  await page.getByTestId("account-nav-profile").click();
  await page.waitForURL((url) => url.pathname === "/account/profile");
  await page.getByTestId("profile-name").fill(`Pat Receipts ${suffix}`);
  await page.getByTestId("profile-address-line1").fill("12 Example Street");
  await page.getByTestId("profile-postal-code").fill("10115");
  await page.getByTestId("profile-city").fill("Berlin");
  await page.getByTestId("profile-country").selectOption("DE");
  await page.getByTestId("profile-submit").click();
  await expect(page.getByTestId("profile-form").getByTestId("form-success")).toHaveText("Profile saved.");
  await page.reload();
  await expect(page.getByTestId("profile-name")).toHaveValue(`Pat Receipts ${suffix}`);
  await expect(page.getByTestId("profile-city")).toHaveValue("Berlin");
  await expect(page.getByTestId("profile-country")).toHaveValue("DE");

  await page.getByTestId("change-password-current").fill("wrong-password");
  await page.getByTestId("change-password-new").fill("second-password");
  await page.getByTestId("change-password-submit").click();
  await expect(page.getByTestId("error-currentPassword")).toHaveText("Your current password is not right.");
  await page.getByTestId("change-password-current").fill("first-password");
  await page.getByTestId("change-password-new").fill("second-password");
  await page.getByTestId("change-password-submit").click();
  await expect(page.getByTestId("change-password-done")).toContainText("Password changed");
  // This browser was signed in again with the new password: the account still opens.
  await page.goto("/account/profile");
  await expect(page.getByTestId("profile-email")).toHaveText(email);

  await signOut(page);
  await page.getByTestId("login-email").fill(email);
  await page.getByTestId("login-password").fill("first-password");
  await page.getByTestId("login-submit").click();
  await expect(page.getByTestId("login-error")).toHaveText("Wrong email or password.");
  await signIn(page, email, "second-password");
  await signOut(page);

  await page.getByTestId("forgot-password-link").click();
  await page.waitForURL((url) => url.pathname === "/forgot-password");
  await page.getByTestId("forgot-password-email").fill(email);
  await page.getByTestId("forgot-password-submit").click();
  await expect(page.getByTestId("forgot-password-sent")).toContainText("If an account exists for this address");

  const resetPath = await linkFromMailbox(browser, email, "/reset-password");
  await page.goto(resetPath);
  await page.getByTestId("reset-password-new").fill("third-password");
  await page.getByTestId("reset-password-submit").click();
  await page.waitForURL((url) => url.pathname === "/account");
  await expect(page.getByTestId("header-email")).toHaveText(email);

  // The link is spent, and the new password is the one that works.
  await page.goto(resetPath);
  await expect(page.getByTestId("link-problem")).toHaveAttribute("data-status", "used");
  await page.goto("/account");
  await signOut(page);
  await signIn(page, email, "third-password");
});
