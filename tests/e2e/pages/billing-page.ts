import type { Locator, Page } from "@playwright/test";
import { CheckoutPage } from "./checkout-page";

/** /account/billing: the saved card, the automatic renewal and its next plan, a failed renewal, the payment history. */
export class BillingPage {
  readonly savedCard: Locator;
  readonly renewal: Locator;
  readonly nextPlan: Locator;
  readonly stopRenewalButton: Locator;
  readonly planChangeScheduled: Locator;
  readonly changeCardError: Locator;
  readonly changeCardSaved: Locator;
  readonly failedRenewal: Locator;
  readonly paymentHistory: Locator;

  constructor(readonly page: Page) {
    this.savedCard = page.getByTestId("saved-card");
    this.renewal = page.getByTestId("billing-renewal");
    this.nextPlan = page.getByTestId("billing-next-plan");
    this.stopRenewalButton = page.getByTestId("renewal-stop");
    this.planChangeScheduled = page.getByTestId("plan-change-scheduled");
    this.changeCardError = page.getByTestId("change-card-error");
    this.changeCardSaved = page.getByTestId("change-card-saved");
    this.failedRenewal = page.getByTestId("failed-renewal");
    this.paymentHistory = page.getByTestId("payment-history-row");
  }

  async goto() {
    await this.page.goto("/account/billing");
  }

  /** Stop the automatic renewal, accepting the confirmation. */
  async stopRenewal() {
    this.page.once("dialog", (dialog) => void dialog.accept());
    await this.stopRenewalButton.click();
  }

  async resumeRenewal() {
    await this.page.getByTestId("renewal-resume").click();
  }

  /** Switch to another plan (by type code) at the next renewal. */
  async switchPlanAtRenewal(typeCode: string) {
    await this.page.getByTestId(`plan-choice-${typeCode}`).check();
    await this.page.getByTestId("plan-change-submit").click();
  }

  async cancelPlanChange() {
    await this.page.getByTestId("plan-change-cancel").click();
  }

  /** Replace the saved card with a test card (`tok_visa`, `tok_declined`). */
  async changeCard(cardToken: string) {
    await this.page.getByTestId(`new-card-${cardToken}`).check();
    await this.page.getByTestId("change-card-submit").click();
  }

  /** Open the checkout for the failed renewal. */
  async payFailedRenewal(): Promise<CheckoutPage> {
    await this.page.getByTestId("pay-failed-renewal").click();
    const checkout = new CheckoutPage(this.page);
    await checkout.waitUntilOpen();
    return checkout;
  }

  /** The receipt link of the newest payment in the history. */
  latestReceiptLink(): Locator {
    return this.paymentHistory.first().getByTestId("receipt-link");
  }
}
