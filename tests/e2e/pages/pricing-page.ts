import type { Locator, Page } from "@playwright/test";

/** /subscribe: the offered plans, monthly or yearly, with the referral offer for a referred visitor. */
export class PricingPage {
  readonly referralOffer: Locator;

  constructor(readonly page: Page) {
    this.referralOffer = page.getByTestId("pricing-referral-offer");
  }

  async goto() {
    await this.page.goto("/subscribe");
  }

  /** From the home page's link to the plans. */
  async openFromHome() {
    await this.page.goto("/");
    await this.page.getByRole("link", { name: /plans/i }).first().click();
    await this.page.waitForURL((url) => url.pathname === "/subscribe");
  }

  plan(typeCode: string): Locator {
    return this.page.getByTestId(`pricing-plan-${typeCode}`);
  }

  async showYearly() {
    await this.page.getByTestId("pricing-period-yearly").click();
  }

  async choose(typeCode: string) {
    await this.page.getByTestId(`pricing-choose-${typeCode}`).click();
    await this.page.waitForURL((url) => url.pathname === `/subscribe/${typeCode}`);
  }
}
