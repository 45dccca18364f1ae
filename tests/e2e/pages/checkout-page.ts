import type { Locator, Page } from "@playwright/test";

/** /checkout/<payment id> on the demo gateway: test cards, an optional discount code, then the result. */
export class CheckoutPage {
  readonly amount: Locator;
  readonly payButton: Locator;
  readonly error: Locator;
  readonly result: Locator;
  readonly discountCode: Locator;
  readonly discountApplied: Locator;

  constructor(readonly page: Page) {
    this.amount = page.getByTestId("checkout-amount");
    this.payButton = page.getByTestId("checkout-pay");
    this.error = page.getByTestId("checkout-error");
    this.result = page.getByTestId("checkout-result");
    this.discountCode = page.getByTestId("discount-code-input");
    this.discountApplied = page.getByTestId("discount-applied");
  }

  async goto(paymentId: number) {
    await this.page.goto(`/checkout/${paymentId}`);
  }

  async waitUntilOpen() {
    await this.page.waitForURL(/\/checkout\/\d+$/);
  }

  /** Pick a card: a test card token (`tok_visa`, `tok_declined`) or `saved_card`. */
  async chooseCard(card: string) {
    await this.page.getByTestId(`checkout-card-${card}`).check();
  }

  async payWith(card: string) {
    await this.chooseCard(card);
    await this.payButton.click();
  }

  /** Pay with a double click, as an impatient customer does. */
  async payWithDoubleClick(card: string) {
    await this.chooseCard(card);
    await this.payButton.dblclick();
  }

  async applyDiscountCode(code: string) {
    await this.discountCode.fill(code);
    await this.page.getByTestId("discount-code-apply").click();
  }

  async removeDiscount() {
    await this.page.getByTestId("discount-remove").click();
  }

  /** From the result, on to the account. */
  async openAccount() {
    await this.page.getByTestId("checkout-result-account").click();
    await this.page.waitForURL((url) => url.pathname === "/account");
  }
}
