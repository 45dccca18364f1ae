import type { Browser, Page } from "@playwright/test";
import { AccountPage } from "./pages/account-page";
import { CheckoutPage } from "./pages/checkout-page";
import { UpgradeOffersPage } from "./pages/upgrade-offers-page";
import { UpgradeResultPage } from "./pages/upgrade-result-page";
import type { AdminApi, PaymentRequest } from "./support/admin-api";
import { createCustomer, expect, signedInAs, test, uniqueSuffix } from "./fixtures";

/*
 * The customer side of upgrades, end to end: an upgrade schema is configured through the API, a customer buys a web
 * subscription, opens their upgrade offers, confirms one, sees the result, and their account shows the print access.
 *
 * Our options require a tag unique to the test (a special-offer landing page, `?tags=`), so the offers we assert on
 * come from our schema alone, whatever other tests (and the demo data) link to the same demo types.
 */

/** A schema linked to web_monthly and web_yearly with short, paid_recurrent and paid_extend to print; returns its tag. */
async function createPrintUpgrades(api: AdminApi, suffix: string): Promise<string> {
  const tag = `e2e-${suffix}`;
  const { upgrade_schema: schema } = await api.post<{ upgrade_schema: { id: number } }>(
    "/upgrade-schemas",
    { name: `E2E print upgrades ${suffix}` },
  );
  for (const type of ["short", "paid_recurrent", "paid_extend"]) {
    await api.post(`/upgrade-schemas/${schema.id}/options`, {
      type,
      config: { require_content: ["print"], require_tags: [tag] },
    });
  }
  await api.post(`/upgrade-schemas/${schema.id}/subscription-types`, {
    subscription_type_codes: ["web_monthly", "web_yearly"],
  });
  return tag;
}

/** A customer created through the API who bought `payment` (paid now), signed in in a browser context of their own. */
async function customerWho(
  browser: Browser,
  api: AdminApi,
  label: string,
  suffix: string,
  buys: Omit<PaymentRequest, "status">,
) {
  return signedInAs(browser, await createCustomer(api, label, { suffix, buys }));
}

/** The result page's dates, then the account's row for that type: it has print access and the same dates. */
async function expectAccountShowsUpgrade(page: Page, typeName: string) {
  const dates = (await new UpgradeResultPage(page).dates.textContent())?.trim() ?? "";
  expect(dates).toMatch(/ – /);
  const account = new AccountPage(page);
  await account.goto();
  const row = account.subscriptionNamed(typeName);
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("content-access")).toContainText("print");
  await expect(row).toContainText(dates);
  await expect(row.getByTestId("subscription-state")).toHaveText("Actual");
}

test("a yearly web subscriber upgrades to web + print yearly with the short method", async ({
  adminApi,
  browser,
}) => {
  const suffix = uniqueSuffix();
  const tag = await createPrintUpgrades(adminApi, suffix);
  const customer = await customerWho(browser, adminApi, "short-reader", suffix, {
    items: [{ subscription_type_code: "web_yearly" }],
  });
  const reader = customer.page;

  // The account offers the upgrade; the landing page for our tag lists our offer.
  await expect(new AccountPage(reader).upgradeLink).toHaveAttribute("href", "/account/upgrade");
  const offers = new UpgradeOffersPage(reader);
  await offers.goto(tag);
  const offer = offers.offer("short", "web_print_yearly");
  await expect(offer).toBeVisible();
  await expect(offer).toContainText("Web + Print yearly");
  await expect(offer.getByTestId("upgrade-gained")).toContainText("Print");
  await expect(offer.getByTestId("upgrade-charge")).toHaveText("Free");
  await expect(offer.getByTestId("upgrade-dates")).toContainText("Your subscription now ends");

  const confirm = await offers.choose("short", "web_print_yearly");
  await expect(confirm.charge).toHaveText("Free");
  await confirm.confirm();

  const done = new UpgradeResultPage(reader);
  await done.waitUntilOpen();
  await expect(done.result).toHaveAttribute("data-status", "completed");
  await expect(done.result).toContainText("Web + Print yearly");
  await expect(done.result.getByTestId("upgrade-result-content")).toContainText("print");
  await expectAccountShowsUpgrade(reader, "Web + Print yearly");

  // Upgraded once, the offers page now says why there is nothing more.
  await offers.goto(tag);
  await expect(offers.reason).toBeVisible();
  await customer.context.close();
});

test("a monthly web subscriber with automatic renewal pays the difference on the stored card", async ({
  adminApi,
  browser,
}) => {
  const suffix = uniqueSuffix();
  const tag = await createPrintUpgrades(adminApi, suffix);
  const customer = await customerWho(browser, adminApi, "recurrent-reader", suffix, {
    items: [{ subscription_type_code: "web_monthly" }],
    gateway: "demo",
    recurrent: { card_token: "tok_visa" },
  });
  const reader = customer.page;

  const offers = new UpgradeOffersPage(reader);
  await offers.goto(tag);
  const offer = offers.offer("paid_recurrent", "web_print_monthly");
  await expect(offer).toBeVisible();
  // 30 whole days left of 31: round(30·1290/31) − round(30·499/31) = 1248 − 483 = 765 cents.
  await expect(offer.getByTestId("upgrade-charge")).toHaveText("€7.65");
  await expect(offer.getByTestId("upgrade-renewal")).toHaveText("Renews at €12.90 every 31 days.");
  await expect(offers.offer("short", "web_print_monthly")).toHaveCount(0);

  const confirm = await offers.choose("paid_recurrent", "web_print_monthly");
  await expect(confirm.charge).toHaveText("€7.65");
  await expect(confirm.confirmButton).toContainText("€7.65");
  await confirm.confirm();

  const done = new UpgradeResultPage(reader);
  await done.waitUntilOpen();
  await expect(done.result).toHaveAttribute("data-status", "completed");
  await expect(done.result).toContainText("Web + Print monthly");
  await expect(done.result.getByTestId("upgrade-charge")).toHaveText("€7.65");
  await expectAccountShowsUpgrade(reader, "Web + Print monthly");
  // The renewal now continues with the upgraded type.
  await expect(new AccountPage(reader).renewal).toContainText("Web + Print monthly");
  await customer.context.close();
});

test("a monthly web subscriber without a card pays for a full month of web + print at the demo checkout", async ({
  adminApi,
  browser,
}) => {
  const suffix = uniqueSuffix();
  const tag = await createPrintUpgrades(adminApi, suffix);
  const customer = await customerWho(browser, adminApi, "extend-reader", suffix, {
    items: [{ subscription_type_code: "web_monthly" }],
  });
  const reader = customer.page;

  // Short would give 30·499/1290 ≈ 11.6 days (under 14): the offer is to pay 12.90 − round(30·499/31) = 12.90 − 4.83.
  const offers = new UpgradeOffersPage(reader);
  await offers.goto(tag);
  await expect(
    offers.offer("paid_extend", "web_print_monthly").getByTestId("upgrade-charge"),
  ).toHaveText("€8.07");
  await expect(offers.offer("short", "web_print_monthly")).toHaveCount(0);
  const confirm = await offers.choose("paid_extend", "web_print_monthly");
  await confirm.confirm();

  // The demo gateway's checkout: a declined card says so and leaves the payment open; the good card pays it.
  const checkout = new CheckoutPage(reader);
  await checkout.waitUntilOpen();
  await expect(checkout.amount).toHaveText("€8.07");
  await checkout.payWith("tok_declined");
  await expect(checkout.error).toContainText("declined");
  await checkout.payWith("tok_visa");

  const done = new UpgradeResultPage(reader);
  await done.waitUntilOpen();
  await expect(done.result).toHaveAttribute("data-status", "completed");
  await expect(done.result).toContainText("Web + Print monthly");
  await expectAccountShowsUpgrade(reader, "Web + Print monthly");
  await customer.context.close();
});

test("a customer without a subscription is told why there is no upgrade", async ({
  adminApi,
  browser,
}) => {
  const customer = await signedInAs(browser, await createCustomer(adminApi, "no-sub"));
  const reader = customer.page;
  await expect(new AccountPage(reader).upgradeLink).toHaveCount(0);
  const offers = new UpgradeOffersPage(reader);
  await offers.goto();
  await expect(offers.reason).toHaveText("You have no running subscription to upgrade.");
  await offers.goto("Not A Tag");
  await expect(offers.paramsInvalid).toBeVisible();
  await customer.context.close();
});
