import { expect, type Locator, type Page } from "@playwright/test";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2 Jan 2027" (the account's UTC date format) → milliseconds at UTC midnight. */
function parseAccountDate(text: string): number {
  const match = /^(\d{1,2}) (\w{3}) (\d{4})$/.exec(text.trim());
  const month = match ? MONTHS.indexOf(match[2]!) : -1;
  if (!match || month < 0) throw new Error(`not an account date: "${text}"`);
  return Date.UTC(Number(match[3]), month, Number(match[1]));
}

/** /account: the customer's subscriptions, payments and renewal, and the way to every other account page. */
export class AccountPage {
  readonly headerEmail: Locator;
  readonly deniedNotice: Locator;
  readonly subscriptionList: Locator;
  readonly subscriptions: Locator;
  readonly paymentList: Locator;
  readonly payments: Locator;
  readonly renewal: Locator;
  readonly renewalBillingLink: Locator;
  readonly upgradeLink: Locator;
  readonly familyLink: Locator;
  readonly referralsLink: Locator;
  readonly bannerSlot: Locator;
  readonly signOutButton: Locator;

  constructor(readonly page: Page) {
    this.headerEmail = page.getByTestId("header-email");
    this.deniedNotice = page.getByTestId("denied-notice");
    this.subscriptionList = page.getByTestId("my-subscriptions");
    this.subscriptions = page.getByTestId("my-subscription");
    this.paymentList = page.getByTestId("my-payments");
    this.payments = page.getByTestId("my-payment");
    this.renewal = page.getByTestId("my-recurrent-payment");
    this.renewalBillingLink = page.getByTestId("renewal-billing-link");
    this.upgradeLink = page.getByTestId("upgrade-link");
    this.familyLink = page.getByTestId("family-link");
    this.referralsLink = page.getByTestId("referrals-link");
    this.bannerSlot = page.getByTestId("banner-slot");
    this.signOutButton = page.getByRole("button", { name: "Sign out" });
  }

  async goto() {
    await this.page.goto("/account");
  }

  /** The row of the subscription whose type is called exactly `typeName`. */
  subscriptionNamed(typeName: string): Locator {
    return this.subscriptions.filter({
      has: this.page.getByTestId("my-subscription-name").getByText(typeName, { exact: true }),
    });
  }

  /** Follow the account navigation to one of its sections ("Billing", "Profile", …). */
  async openSection(name: "Overview" | "Billing" | "Upgrade" | "Family" | "Referrals" | "Profile") {
    await this.page
      .getByRole("navigation", { name: "Account" })
      .getByRole("link", { name, exact: true })
      .click();
    await this.page.waitForURL(
      (url) =>
        url.pathname === (name === "Overview" ? "/account" : `/account/${name.toLowerCase()}`),
    );
  }

  async signOut() {
    await this.signOutButton.click();
    await this.page.waitForURL((url) => url.pathname === "/login");
  }

  async dismissBanner() {
    await this.bannerSlot.getByRole("button", { name: /dismiss/i }).click();
  }

  /** The latest end date among the subscriptions shown as running or upcoming (not Ended), in UTC milliseconds. */
  async latestRunningSubscriptionEnd(): Promise<number> {
    await this.goto();
    await expect(this.subscriptions.first()).toBeVisible();
    const ends: number[] = [];
    for (const row of await this.subscriptions.all()) {
      if ((await row.getByTestId("subscription-state").textContent())?.trim() === "Ended") continue;
      const range = /(\d{1,2} \w{3} \d{4}) – (\d{1,2} \w{3} \d{4})/.exec(
        (await row.textContent()) ?? "",
      );
      if (range) ends.push(parseAccountDate(range[2]!));
    }
    expect(ends.length, "a running subscription").toBeGreaterThan(0);
    return Math.max(...ends);
  }
}
