import type { Browser } from "@playwright/test";
import { AccountPage } from "./pages/account-page";
import { MailboxPage } from "./pages/admin/mailbox-page";
import { ForgotPasswordPage } from "./pages/forgot-password-page";
import { LoginPage } from "./pages/login-page";
import { ProfilePage } from "./pages/profile-page";
import { RegisterPage } from "./pages/register-page";
import { ResetPasswordPage } from "./pages/reset-password-page";
import { expect, test, uniqueSuffix } from "./fixtures";

/*
 * Issue 16, part 2 end to end: a new customer fills in their profile, changes their password (and signs in with the
 * new one), then forgets it: the reset link, read from the admin mailbox, sets a third password and signs them in.
 */

/** The path of the link in the newest email to this address, as an admin reads it in the mailbox. */
async function linkFromMailbox(browser: Browser, to: string, pathPrefix: string): Promise<string> {
  const context = await browser.newContext();
  const admin = await context.newPage();
  await new LoginPage(admin).signInAsAdmin();
  const mailbox = new MailboxPage(admin);
  await mailbox.waitFor(to, to, { timeout: 30_000 });
  await mailbox.openNewest();
  const text = (await mailbox.emailText.textContent()) ?? "";
  await context.close();
  const match = new RegExp(`${pathPrefix}/[A-Za-z0-9_-]{43}`).exec(text);
  expect(match, text).not.toBeNull();
  return match![0];
}

test("a customer edits their profile, changes the password, then resets it through the emailed link", async ({
  page,
  browser,
}) => {
  const suffix = uniqueSuffix();
  const email = `profile-${suffix}@example.com`;

  const register = new RegisterPage(page);
  await register.goto();
  await register.register({ name: `Pat ${suffix}`, email, password: "first-password" });
  await page.waitForURL((url) => url.pathname === "/account");

  const account = new AccountPage(page);
  await account.openSection("Profile");
  const profile = new ProfilePage(page);
  await profile.saveProfile({
    name: `Pat Receipts ${suffix}`,
    addressLine1: "12 Example Street",
    postalCode: "10115",
    city: "Berlin",
    country: "DE",
  });
  await expect(profile.profileSaved()).toHaveText("Profile saved.");
  await page.reload();
  await expect(profile.name).toHaveValue(`Pat Receipts ${suffix}`);
  await expect(profile.city).toHaveValue("Berlin");
  await expect(profile.country).toHaveValue("DE");

  await profile.changePassword("wrong-password", "second-password");
  await expect(profile.currentPasswordError()).toHaveText("Your current password is not right.");
  await profile.changePassword("first-password", "second-password");
  await expect(profile.passwordChanged).toContainText("Password changed");
  // This browser was signed in again with the new password: the account still opens.
  await profile.goto();
  await expect(profile.email).toHaveText(email);

  await account.signOut();
  const login = new LoginPage(page);
  await login.submitCredentials(email, "first-password");
  await expect(login.error).toHaveText("Wrong email or password.");
  await login.signIn(email, "second-password");
  await account.signOut();

  await login.forgotPasswordLink.click();
  await page.waitForURL((url) => url.pathname === "/forgot-password");
  const forgotPassword = new ForgotPasswordPage(page);
  await forgotPassword.requestLink(email);
  await expect(forgotPassword.sent).toContainText("If an account exists for this address");

  const resetPath = await linkFromMailbox(browser, email, "/reset-password");
  const reset = new ResetPasswordPage(page);
  await reset.goto(resetPath);
  await reset.setPassword("third-password");
  await page.waitForURL((url) => url.pathname === "/account");
  await expect(account.headerEmail).toHaveText(email);

  // The link is spent, and the new password is the one that works.
  await reset.goto(resetPath);
  await expect(reset.linkProblem).toHaveAttribute("data-status", "used");
  await account.goto();
  await account.signOut();
  await login.signIn(email, "third-password");
});
