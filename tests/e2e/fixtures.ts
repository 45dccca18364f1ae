import { expect, type Page } from "@playwright/test";

/** A suffix that keeps one test's data apart from every other test's (tests run in parallel on one database). */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

export async function signIn(page: Page, email: string, password: string, callbackUrl = "/account") {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByTestId("login-email").fill(email);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-submit").click();
  await page.waitForURL((url) => url.pathname.startsWith(callbackUrl));
}

export const signInAsAdmin = (page: Page) => signIn(page, "admin@subflow.test", "admin1234", "/admin");

/** Create a customer through the admin; returns the user's detail page URL. */
export async function createCustomerInAdmin(page: Page, email: string, password: string): Promise<string> {
  await page.goto("/admin/users/new");
  await page.getByTestId("user-email").fill(email);
  await page.getByTestId("user-name").fill(email.split("@")[0] ?? email);
  await page.getByTestId("user-password").fill(password);
  await page.getByTestId("create-user-submit").click();
  await page.waitForURL(/\/admin\/users\/\d+/);
  await expect(page.getByTestId("user-detail-email")).toHaveText(email);
  return page.url();
}

/** Create an API token with these scopes in the admin and return the plain token shown once. */
export async function createApiTokenInAdmin(page: Page, name: string, scopes: string[]): Promise<string> {
  await page.goto("/admin/api-tokens");
  await page.getByTestId("token-name").fill(name);
  for (const scope of scopes) await page.getByTestId(`scope-${scope}`).check();
  await page.getByTestId("create-token-submit").click();
  const token = (await page.getByTestId("new-token-value").textContent())?.trim() ?? "";
  expect(token).toMatch(/^sf_api_/);
  return token;
}
