import type { Locator, Page } from "@playwright/test";
import { CheckoutPage } from "./checkout-page";

/** /subscribe/<type code>: what the plan costs and when it starts, before the payment is made. */
export class SubscribePage {
  readonly summary: Locator;
  readonly startDate: Locator;
  readonly welcomeDiscount: Locator;
  readonly renewAutomatically: Locator;

  constructor(readonly page: Page) {
    this.summary = page.getByTestId("subscribe-summary");
    this.startDate = page.getByTestId("subscribe-start-date");
    this.welcomeDiscount = page.getByTestId("subscribe-welcome-discount");
    this.renewAutomatically = page.getByTestId("subscribe-recurrent");
  }

  async goto(typeCode: string) {
    await this.page.goto(`/subscribe/${typeCode}`);
  }

  /** Signed out: go and register, to come back here. */
  async registerFirst() {
    await this.page.getByTestId("subscribe-register").click();
    await this.page.waitForURL((url) => url.pathname === "/register");
  }

  async continueToPayment(): Promise<CheckoutPage> {
    await this.page.getByTestId("subscribe-continue").click();
    const checkout = new CheckoutPage(this.page);
    await checkout.waitUntilOpen();
    return checkout;
  }
}
