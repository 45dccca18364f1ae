import {
  expect,
  type APIRequestContext,
  type Browser,
  type BrowserContextOptions,
} from "@playwright/test";
import { LoginPage } from "../pages/login-page";
import type { AdminApi, PaymentRequest } from "./admin-api";

export interface Customer {
  id: number;
  email: string;
  password: string;
  name: string;
}

/** A suffix that keeps one test's data apart from every other test's (tests run in parallel on one database). */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/**
 * A new customer made through the API, named after `label` (`<label>-<suffix>@example.com`), optionally with a paid
 * payment (for example a web subscription by card with automatic renewal).
 */
export async function createCustomer(
  api: AdminApi,
  label: string,
  options: { suffix?: string; name?: string; buys?: Omit<PaymentRequest, "status"> } = {},
): Promise<Customer> {
  const suffix = options.suffix ?? uniqueSuffix();
  const customer = {
    email: `${label}-${suffix}@example.com`,
    password: `${label}-pass-1234`,
    name: options.name ?? `${label} ${suffix}`,
  };
  const { id } = await api.createUser(customer);
  if (options.buys) await api.createPayment(id, { status: "paid", ...options.buys });
  return { id, ...customer };
}

/** A browser context of the customer's own, signed in on /account. */
export async function signedInAs(
  browser: Browser,
  customer: { email: string; password: string },
  options: BrowserContextOptions = {},
) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await new LoginPage(page).signIn(customer.email, customer.password);
  return { context, page };
}

/** Stop the customer's automatic renewal through the API as the customer (their own token from signing in). */
export async function stopRenewalAsCustomer(
  request: APIRequestContext,
  customer: { email: string; password: string },
) {
  const login = await request.post("/api/v1/users/login", {
    data: { email: customer.email, password: customer.password },
  });
  expect(login.status(), await login.text()).toBe(200);
  const { access } = (await login.json()) as { access: { token: string } };
  const stopped = await request.post("/api/v1/users/me/renewal", {
    headers: { authorization: `Bearer ${access.token}` },
    data: { action: "stop" },
  });
  expect(stopped.status(), await stopped.text()).toBe(200);
}
