import { AccountPage } from "./pages/account-page";
import { PricingPage } from "./pages/pricing-page";
import { SubscribePage } from "./pages/subscribe-page";
import { expect, test, uniqueSuffix } from "./fixtures";

/*
 * A Slovak customer, end to end in Slovak: a browser that asks for Slovak (Accept-Language sk-SK) sees the sign-up
 * page in Slovak, registers (the account keeps the language), buys Web monthly with the Visa test card, and reads
 * /account in Slovak, with money as "4,99 €" (a decimal comma, the sign after) and dates as "6. 12. 2026".
 *
 * Assumptions (the demo seed): web_monthly (Web monthly, 4,99 €) is offered on /subscribe.
 */

const MONEY = /^\d+,\d{2}\s€$/;
const DATE = /\d{1,2}\. \d{1,2}\. \d{4}/;

test("a Slovak customer registers, buys a subscription and reads their account in Slovak", async ({
  browser,
}) => {
  const context = await browser.newContext({
    locale: "sk-SK",
    extraHTTPHeaders: { "x-forwarded-for": "192.0.2.77" },
  });
  const page = await context.newPage();
  const suffix = uniqueSuffix();

  // The sign-up page speaks Slovak because the browser asks for it.
  await page.goto("/register");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vytvorte si účet");
  await page.getByLabel("Meno").fill(`Ján ${suffix}`);
  await page.getByLabel("E-mail").fill(`jan-${suffix}@example.com`);
  await page.getByLabel("Heslo", { exact: true }).fill("slovensko-1234");
  await page.getByRole("button", { name: "Vytvoriť účet" }).click();
  await page.waitForURL((url) => url.pathname === "/account");
  await expect(page.getByTestId("page-title")).toHaveText(`Dobrý deň, Ján ${suffix}`);

  // The pricing page: Slovak words, Slovak money.
  const pricing = new PricingPage(page);
  await pricing.goto();
  await expect(page.getByTestId("page-title")).toHaveText("Vyberte si predplatné");
  await expect(pricing.plan("web_monthly").getByTestId("pricing-price")).toHaveText(MONEY);
  await expect(pricing.plan("web_monthly")).toContainText("/ mesiac");
  await pricing.choose("web_monthly");

  const subscribe = new SubscribePage(page);
  await expect(subscribe.startDate).toHaveText("Začína dnes");
  await expect(subscribe.renewAutomatically).toBeChecked();
  await expect(page.getByTestId("subscribe-form")).toContainText("každý mesiac");
  const checkout = await subscribe.continueToPayment();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Platba");
  await expect(checkout.amount).toHaveText("4,99\u00a0€");
  await expect(checkout.payButton).toHaveText("Zaplatiť 4,99\u00a0€");

  // A decline is explained in Slovak, then the Visa card pays.
  await checkout.payWith("tok_declined");
  await expect(checkout.error).toContainText("Vaša karta bola zamietnutá");
  await expect(checkout.error).toContainText("Karta bola zamietnutá (nedostatok prostriedkov).");
  await checkout.payWith("tok_visa");
  await expect(checkout.result).toContainText("Ďakujeme! Web monthly je vaše.");
  await expect(checkout.result).toContainText("Automaticky sa obnoví");
  await checkout.openAccount();

  // The account in Slovak.
  const account = new AccountPage(page);
  await expect(page.getByTestId("account-nav")).toContainText("Prehľad");
  await expect(account.subscriptionList.getByRole("heading")).toHaveText("Moje predplatné");
  await expect(account.subscriptions).toHaveCount(1);
  await expect(account.subscriptions.first()).toContainText("Aktívne");
  await expect(account.subscriptions.first()).toContainText(DATE);
  await expect(account.paymentList.getByRole("heading")).toHaveText("Moje platby");
  const paid = account.payments.filter({ hasText: "Zaplatená" });
  await expect(paid).toHaveCount(1);
  await expect(paid).toContainText(/\d+,\d{2}\s€/);
  await expect(account.renewal).toContainText("Automatické obnovenie");
  await expect(account.renewal).toContainText("4,99\u00a0€");
  await expect(page.getByTestId("next-charge")).toHaveText(DATE);

  // The language was stored with the account at registration: the profile shows it chosen.
  await page.goto("/account/profile");
  await expect(page.getByTestId("profile-locale")).toHaveValue("sk");
  await context.close();
});

test("a Slovak visitor can switch the sign-in page to English, and English browsers get English", async ({
  browser,
}) => {
  const slovak = await browser.newContext({ locale: "sk-SK" });
  const page = await slovak.newPage();
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Prihlásenie");
  await page.getByTestId("language-en").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await slovak.close();

  const english = await browser.newContext({ locale: "en-US" });
  const englishPage = await english.newPage();
  await englishPage.goto("/login");
  await expect(englishPage.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await english.close();
});
