import type { Browser } from "@playwright/test";
import { createCustomer, expect, test } from "./fixtures";
import { AdminShell } from "./pages/admin/admin-shell";
import { MailboxPage } from "./pages/admin/mailbox-page";
import { LoginPage, SEEDED_ADMIN, SEEDED_MARKETER } from "./pages/login-page";
import { postServerForm, serverFormFields } from "./support/server-form";

/** A browser context of a seeded staff member, signed in on the dashboard. */
async function staffSession(browser: Browser, account: { email: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new LoginPage(page).signIn(account.email, account.password, "/admin");
  return { context, page, shell: new AdminShell(page) };
}

test("a marketer works on scenarios, cannot open billing, and a refund they post is refused", async ({
  browser,
  adminApi,
}) => {
  const customer = await createCustomer(adminApi, "roles");
  const web = { items: [{ subscription_type_code: "web_monthly" }], status: "paid" as const };
  const kept = await adminApi.createPayment(customer.id, { ...web, gateway: "manual" });
  const control = await adminApi.createPayment(customer.id, { ...web, gateway: "manual" });
  const userPath = `/admin/users/${customer.id}`;

  // The owner's view of the customer has the refund buttons; their forms are what a refund posts.
  const owner = await staffSession(browser, SEEDED_ADMIN);
  await expect(owner.shell.role).toHaveText("Owner");
  const refundKept = await serverFormFields(owner.page, userPath, `refund-${kept.id}`);
  const refundControl = await serverFormFields(owner.page, userPath, `refund-${control.id}`);

  const marketer = await staffSession(browser, SEEDED_MARKETER);
  await expect(marketer.shell.role).toHaveText("Marketer");
  await expect(marketer.shell.navLink("scenarios")).toBeVisible();
  await expect(marketer.shell.navLink("payments")).toHaveCount(0);
  await expect(marketer.shell.navLink("api-tokens")).toHaveCount(0);

  await marketer.shell.navLink("scenarios").click();
  await expect(marketer.shell.title).toHaveText("Scenarios");
  await expect(marketer.page.getByTestId("new-scenario")).toBeVisible();

  await marketer.page.goto("/admin/payments");
  await expect(marketer.page).toHaveURL(/\/admin\/no-access\?/);
  await expect(marketer.shell.title).toHaveText("You don't have access to this page");
  await expect(marketer.shell.noAccess).toContainText(
    "see payments, recurrent payments and revenue",
  );

  await marketer.page.goto(userPath);
  await expect(marketer.page.getByTestId("user-detail-email")).toHaveText(customer.email);
  await expect(marketer.page.getByTestId("payments-table")).toHaveCount(0);
  await expect(marketer.page.getByTestId(`refund-${kept.id}`)).toHaveCount(0);

  // Posted anyway, as the owner's form would post it: the server checks the role and refunds nothing. The same post
  // from the owner's session refunds, so the refusal is the role's, not the post's.
  await postServerForm(marketer.page, userPath, refundKept);
  await postServerForm(owner.page, userPath, refundControl);
  await owner.page.goto(userPath);
  await expect(owner.page.getByTestId(`payment-row-${control.id}`)).toContainText("Refunded");
  await expect(owner.page.getByTestId(`refund-${kept.id}`)).toBeVisible();
  await expect(owner.page.getByTestId(`payment-row-${kept.id}`)).not.toContainText("Refunded");

  await marketer.context.close();
  await owner.context.close();
});

test("a marketer finds a password reset email in the mailbox with its body withheld; the owner can read it", async ({
  browser,
  adminApi,
}) => {
  const customer = await createCustomer(adminApi, "reset-secret");
  const marketer = await staffSession(browser, SEEDED_MARKETER);
  const requested = await marketer.page.request.post("/api/v1/users/password-reset", {
    data: { email: customer.email },
  });
  expect(requested.status()).toBe(202);

  // Asking for someone's reset and following the link from the mailbox would take the account over.
  const marketerMailbox = new MailboxPage(marketer.page);
  // Opened by its subject: the customer's welcome email (a scenario's) may arrive after it.
  const subject = "Reset your";
  await marketerMailbox.waitFor(customer.email, subject, { timeout: 30_000 });
  await marketerMailbox.openNewest(subject);
  await expect(marketer.page.getByTestId("email-body-withheld")).toBeVisible();
  await expect(marketerMailbox.emailText).toHaveCount(0);
  expect(await marketer.page.content()).not.toContain("/reset-password/");

  const owner = await staffSession(browser, SEEDED_ADMIN);
  const ownerMailbox = new MailboxPage(owner.page);
  await ownerMailbox.search(customer.email);
  await ownerMailbox.openNewest(subject);
  await expect(ownerMailbox.emailText).toContainText("/reset-password/");

  await marketer.context.close();
  await owner.context.close();
});
