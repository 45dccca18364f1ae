import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { createApiTokenInAdmin, signIn, signInAsAdmin, uniqueSuffix } from "./fixtures";

/*
 * The customer side of upgrades, end to end: an upgrade schema is configured through the API, a customer buys a web
 * subscription, opens their upgrade offers, confirms one, sees the result, and their account shows the print access.
 *
 * Our options require a tag unique to the test (a special-offer landing page, `?tags=`), so the offers we assert on
 * come from our schema alone, whatever other tests (and the demo data) link to the same demo types.
 */

const PASSWORD = "upgrade-pass-1234";

interface Setup {
  api: (path: string, data: unknown) => Promise<unknown>;
  tag: string;
  suffix: string;
}

/** An API token, and a schema linked to web_monthly and web_yearly with short, paid_recurrent and paid_extend to print. */
async function setUp(page: Page, request: APIRequestContext): Promise<Setup> {
  const suffix = uniqueSuffix();
  const tag = `e2e-${suffix}`;
  await signInAsAdmin(page);
  const token = await createApiTokenInAdmin(page, `e2e-upgrades-${suffix}`, ["payments:write", "users:write", "upgrades"]);
  const api = async (path: string, data: unknown) => {
    const response = await request.post(`/api/v1${path}`, { headers: { authorization: `Bearer ${token}` }, data });
    expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
    return response.json();
  };
  const created = (await api("/upgrade-schemas", { name: `E2E print upgrades ${suffix}` })) as { upgrade_schema: { id: number } };
  const schemaId = created.upgrade_schema.id;
  for (const type of ["short", "paid_recurrent", "paid_extend"]) {
    await api(`/upgrade-schemas/${schemaId}/options`, { type, config: { require_content: ["print"], require_tags: [tag] } });
  }
  await api(`/upgrade-schemas/${schemaId}/subscription-types`, { subscription_type_codes: ["web_monthly", "web_yearly"] });
  return { api, tag, suffix };
}

/** A customer created through the API who bought `typeCode` (paid now), signed in in a browser context of their own. */
async function customerWith(browser: Browser, setup: Setup, label: string, payment: Record<string, unknown>) {
  const email = `${label}-${setup.suffix}@example.com`;
  const { user } = (await setup.api("/users", { email, password: PASSWORD, name: `${label} ${setup.suffix}` })) as { user: { id: number } };
  await setup.api("/payments", { user_id: user.id, status: "paid", ...payment });
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, PASSWORD);
  return { page, close: () => context.close() };
}

/** The result page's dates, then the account's row for that type: it has print access and the same dates. */
async function expectAccountShowsUpgrade(page: Page, typeName: string) {
  const dates = (await page.getByTestId("upgrade-result-dates").textContent())?.trim() ?? "";
  expect(dates).toMatch(/ – /);
  await page.goto("/account");
  const row = page.getByTestId("my-subscription").filter({ has: page.getByTestId("my-subscription-name").getByText(typeName, { exact: true }) });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("content-access")).toContainText("print");
  await expect(row).toContainText(dates);
  await expect(row.getByTestId("subscription-state")).toHaveText("Actual");
}

test("a yearly web subscriber upgrades to web + print yearly with the short method", async ({ page, request, browser }) => {
  const setup = await setUp(page, request);
  const customer = await customerWith(browser, setup, "short-reader", { items: [{ subscription_type_code: "web_yearly" }] });
  const { page: reader } = customer;

  // The account offers the upgrade; the landing page for our tag lists our offer.
  await expect(reader.getByTestId("upgrade-link")).toHaveAttribute("href", "/account/upgrade");
  await reader.goto(`/account/upgrade?tags=${setup.tag}`);
  const offer = reader.getByTestId("upgrade-offer-short-web_print_yearly");
  await expect(offer).toBeVisible();
  await expect(offer).toContainText("Web + Print yearly");
  await expect(offer.getByTestId("upgrade-gained")).toContainText("Print");
  await expect(offer.getByTestId("upgrade-charge")).toHaveText("Free");
  await expect(offer.getByTestId("upgrade-dates")).toContainText("Your subscription now ends");

  await reader.getByTestId("upgrade-choose-short-web_print_yearly").click();
  await reader.waitForURL(/\/account\/upgrade\/confirm\?/);
  await expect(reader.getByTestId("upgrade-charge")).toHaveText("Free");
  await reader.getByTestId("upgrade-confirm").click();

  await reader.waitForURL(/\/account\/upgrade\/done\/\d+$/);
  const result = reader.getByTestId("upgrade-result");
  await expect(result).toHaveAttribute("data-status", "completed");
  await expect(result).toContainText("Web + Print yearly");
  await expect(result.getByTestId("upgrade-result-content")).toContainText("print");
  await expectAccountShowsUpgrade(reader, "Web + Print yearly");

  // Upgraded once, the offers page now says why there is nothing more.
  await reader.goto(`/account/upgrade?tags=${setup.tag}`);
  await expect(reader.getByTestId("upgrade-reason")).toBeVisible();
  await customer.close();
});

test("a monthly web subscriber with automatic renewal pays the difference on the stored card", async ({ page, request, browser }) => {
  const setup = await setUp(page, request);
  const customer = await customerWith(browser, setup, "recurrent-reader", {
    items: [{ subscription_type_code: "web_monthly" }],
    gateway: "demo",
    recurrent: { card_token: "tok_visa" },
  });
  const { page: reader } = customer;

  await reader.goto(`/account/upgrade?tags=${setup.tag}`);
  const offer = reader.getByTestId("upgrade-offer-paid_recurrent-web_print_monthly");
  await expect(offer).toBeVisible();
  // 30 whole days left of 31: round(30·1290/31) − round(30·499/31) = 1248 − 483 = 765 cents.
  await expect(offer.getByTestId("upgrade-charge")).toHaveText("€7.65");
  await expect(offer.getByTestId("upgrade-renewal")).toHaveText("Renews at €12.90 every 31 days.");
  await expect(reader.getByTestId("upgrade-offer-short-web_print_monthly")).toHaveCount(0);

  await reader.getByTestId("upgrade-choose-paid_recurrent-web_print_monthly").click();
  await reader.waitForURL(/\/account\/upgrade\/confirm\?/);
  await expect(reader.getByTestId("upgrade-charge")).toHaveText("€7.65");
  const confirm = reader.getByTestId("upgrade-confirm");
  await expect(confirm).toContainText("€7.65");
  await confirm.click();

  await reader.waitForURL(/\/account\/upgrade\/done\/\d+$/);
  const result = reader.getByTestId("upgrade-result");
  await expect(result).toHaveAttribute("data-status", "completed");
  await expect(result).toContainText("Web + Print monthly");
  await expect(result.getByTestId("upgrade-charge")).toHaveText("€7.65");
  await expectAccountShowsUpgrade(reader, "Web + Print monthly");
  // The renewal now continues with the upgraded type.
  await expect(reader.getByTestId("my-recurrent-payment")).toContainText("Web + Print monthly");
  await customer.close();
});

test("a monthly web subscriber without a card pays for a full month of web + print at the demo checkout", async ({ page, request, browser }) => {
  const setup = await setUp(page, request);
  const customer = await customerWith(browser, setup, "extend-reader", { items: [{ subscription_type_code: "web_monthly" }] });
  const { page: reader } = customer;

  // Short would give 30·499/1290 ≈ 11.6 days (under 14): the offer is to pay 12.90 − round(30·499/31) = 12.90 − 4.83.
  await reader.goto(`/account/upgrade?tags=${setup.tag}`);
  const offer = reader.getByTestId("upgrade-offer-paid_extend-web_print_monthly");
  await expect(offer.getByTestId("upgrade-charge")).toHaveText("€8.07");
  await expect(reader.getByTestId("upgrade-offer-short-web_print_monthly")).toHaveCount(0);
  await reader.getByTestId("upgrade-choose-paid_extend-web_print_monthly").click();
  await reader.waitForURL(/\/account\/upgrade\/confirm\?/);
  await reader.getByTestId("upgrade-confirm").click();

  // The demo gateway's checkout: a declined card says so and leaves the payment open; the good card pays it.
  await reader.waitForURL(/\/checkout\/\d+$/);
  await expect(reader.getByTestId("checkout-amount")).toHaveText("€8.07");
  await reader.getByTestId("checkout-card-tok_declined").check();
  await reader.getByTestId("checkout-pay").click();
  await expect(reader.getByTestId("checkout-error")).toContainText("declined");
  await reader.getByTestId("checkout-card-tok_visa").check();
  await reader.getByTestId("checkout-pay").click();

  await reader.waitForURL(/\/account\/upgrade\/done\/\d+$/);
  const result = reader.getByTestId("upgrade-result");
  await expect(result).toHaveAttribute("data-status", "completed");
  await expect(result).toContainText("Web + Print monthly");
  await expectAccountShowsUpgrade(reader, "Web + Print monthly");
  await customer.close();
});

test("a customer without a subscription is told why there is no upgrade", async ({ page, request, browser }) => {
  const setup = await setUp(page, request);
  const email = `no-sub-${setup.suffix}@example.com`;
  await setup.api("/users", { email, password: PASSWORD });
  const context = await browser.newContext();
  const reader = await context.newPage();
  await signIn(reader, email, PASSWORD);
  await expect(reader.getByTestId("upgrade-link")).toHaveCount(0);
  await reader.goto("/account/upgrade");
  await expect(reader.getByTestId("upgrade-reason")).toHaveText("You have no running subscription to upgrade.");
  await reader.goto("/account/upgrade?tags=Not A Tag");
  await expect(reader.getByTestId("upgrade-params-invalid")).toBeVisible();
  await context.close();
});
