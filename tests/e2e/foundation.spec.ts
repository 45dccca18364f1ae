import { expect, test } from "@playwright/test";
import { createApiTokenInAdmin, createCustomerInAdmin, signIn, signInAsAdmin, uniqueSuffix } from "./fixtures";

test("a visitor registers and lands in their account", async ({ page }) => {
  const email = `visitor-${uniqueSuffix()}@example.com`;
  await page.goto("/register");
  await page.getByTestId("register-name").fill("Vera Visitor");
  await page.getByTestId("register-email").fill(email);
  await page.getByTestId("register-password").fill("visitor-password");
  await page.getByTestId("register-submit").click();
  await page.waitForURL((url) => url.pathname.startsWith("/account"));
  await expect(page.getByTestId("header-email")).toHaveText(email);
  await expect(page.getByTestId("my-subscriptions")).toBeVisible();
});

test("an admin creates a type and gives a customer a paid subscription, which the customer sees", async ({ browser }) => {
  const suffix = uniqueSuffix();
  const admin = await browser.newPage();
  await signInAsAdmin(admin);

  await admin.goto("/admin/subscription-types/new");
  await admin.getByTestId("st-name").fill(`Print weekend ${suffix}`);
  await admin.getByTestId("st-code").fill(`print_weekend_${suffix}`);
  await admin.getByTestId("st-length").fill("31");
  await admin.getByTestId("st-price").fill("7.50");
  await admin.getByTestId("st-access-print").check();
  await admin.getByTestId("st-submit").click();
  await expect(admin.getByTestId(`subscription-type-print_weekend_${suffix}`)).toContainText("7.50");

  const email = `customer-${suffix}@example.com`;
  await createCustomerInAdmin(admin, email, "customer-password");
  await admin.getByTestId("item-type-0").selectOption(`print_weekend_${suffix}`);
  await admin.getByTestId("payment-mark-paid").check();
  await admin.getByTestId("create-payment-submit").click();
  await expect(admin.getByTestId("subscriptions-table")).toContainText(`Print weekend ${suffix}`);
  await expect(admin.getByTestId("payments-table")).toContainText("Paid");
  await admin.screenshot({ path: test.info().outputPath("admin-user-detail.png"), fullPage: true });

  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await signIn(customer, email, "customer-password");
  const subscription = customer.getByTestId("my-subscription").filter({ hasText: `Print weekend ${suffix}` });
  await expect(subscription).toBeVisible();
  await expect(subscription).toContainText("print");
  await expect(customer.getByTestId("my-payments")).toContainText("7.50");
  await customer.screenshot({ path: test.info().outputPath("account.png"), fullPage: true });
  await customerContext.close();
});

test("a customer is refused the admin", async ({ page }) => {
  await signIn(page, "jane@subflow.test", "jane1234");
  await page.goto("/admin");
  await page.waitForURL((url) => url.pathname === "/account");
  await expect(page.getByTestId("denied-notice")).toBeVisible();
  await page.goto("/admin/users");
  expect(new URL(page.url()).pathname).toBe("/account");
});

test("an API token made in the admin creates users until it is revoked", async ({ page, request }) => {
  const suffix = uniqueSuffix();
  await signInAsAdmin(page);
  const token = await createApiTokenInAdmin(page, `e2e-${suffix}`, ["users:write"]);
  const headers = { authorization: `Bearer ${token}` };

  const created = await request.post("/api/v1/users", { headers, data: { email: `api-${suffix}@example.com` } });
  expect(created.status()).toBe(201);
  expect(await created.json()).toMatchObject({ user: { email: `api-${suffix}@example.com`, role: "customer" } });

  await page.goto("/admin/api-tokens");
  page.once("dialog", (dialog) => dialog.accept());
  const row = page.locator("[data-testid^=api-token-]").filter({ hasText: `e2e-${suffix}` });
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row.getByTestId("token-revoked")).toBeVisible();

  const refused = await request.post("/api/v1/users", { headers, data: { email: `api2-${suffix}@example.com` } });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: "invalid_token" });
});
