import { AccountPage } from "./pages/account-page";
import { ApiTokensPage } from "./pages/admin/api-tokens-page";
import { SubscriptionTypesPage } from "./pages/admin/subscription-types-page";
import { AdminUsersPage } from "./pages/admin/users-page";
import { LoginPage } from "./pages/login-page";
import { RegisterPage } from "./pages/register-page";
import { createCustomer, expect, signedInAs, test, uniqueSuffix } from "./fixtures";

test("a visitor registers and lands in their account", async ({ page }) => {
  const email = `visitor-${uniqueSuffix()}@example.com`;
  const register = new RegisterPage(page);
  await register.goto();
  await register.register({ name: "Vera Visitor", email, password: "visitor-password" });
  await page.waitForURL((url) => url.pathname.startsWith("/account"));
  const account = new AccountPage(page);
  await expect(account.headerEmail).toHaveText(email);
  await expect(account.subscriptionList).toBeVisible();
});

test("an admin creates a type and gives a customer a paid subscription, which the customer sees", async ({
  browser,
}) => {
  const suffix = uniqueSuffix();
  const admin = await browser.newPage();
  await new LoginPage(admin).signInAsAdmin();

  const types = new SubscriptionTypesPage(admin);
  await types.create({
    name: `Print weekend ${suffix}`,
    code: `print_weekend_${suffix}`,
    lengthDays: 31,
    price: "7.50",
    contentAccess: ["print"],
  });
  await expect(types.type(`print_weekend_${suffix}`)).toContainText("7.50");

  const email = `customer-${suffix}@example.com`;
  const users = new AdminUsersPage(admin);
  await users.createCustomer(email, "customer-password");
  await users.addPaidPayment(`print_weekend_${suffix}`);
  await expect(users.subscriptionsTable).toContainText(`Print weekend ${suffix}`);
  await expect(users.paymentsTable).toContainText("Paid");
  await admin.screenshot({ path: test.info().outputPath("admin-user-detail.png"), fullPage: true });

  const customer = await signedInAs(browser, { email, password: "customer-password" });
  const account = new AccountPage(customer.page);
  const subscription = account.subscriptionNamed(`Print weekend ${suffix}`);
  await expect(subscription).toBeVisible();
  await expect(subscription).toContainText("print");
  await expect(account.paymentList).toContainText("7.50");
  await customer.page.screenshot({ path: test.info().outputPath("account.png"), fullPage: true });
  await customer.context.close();
});

test("a customer is refused the admin", async ({ page, adminApi }) => {
  const customer = await createCustomer(adminApi, "refused");
  await new LoginPage(page).signIn(customer.email, customer.password);
  await page.goto("/admin");
  await page.waitForURL((url) => url.pathname === "/account");
  await expect(new AccountPage(page).deniedNotice).toBeVisible();
  await page.goto("/admin/users");
  expect(new URL(page.url()).pathname).toBe("/account");
});

test("an API token made in the admin creates users until it is revoked", async ({
  page,
  request,
}) => {
  const suffix = uniqueSuffix();
  await new LoginPage(page).signInAsAdmin();
  const tokens = new ApiTokensPage(page);
  const token = await tokens.createToken(`e2e-${suffix}`, ["users:write"]);
  const headers = { authorization: `Bearer ${token}` };

  const created = await request.post("/api/v1/users", {
    headers,
    data: { email: `api-${suffix}@example.com` },
  });
  expect(created.status()).toBe(201);
  expect(await created.json()).toMatchObject({
    user: { email: `api-${suffix}@example.com`, role: "customer" },
  });

  await tokens.goto();
  await tokens.revoke(`e2e-${suffix}`);
  await expect(tokens.token(`e2e-${suffix}`).getByTestId("token-revoked")).toBeVisible();

  const refused = await request.post("/api/v1/users", {
    headers,
    data: { email: `api2-${suffix}@example.com` },
  });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: "invalid_token" });
});
