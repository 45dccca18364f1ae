import { expect, type Locator, type Page } from "@playwright/test";

/** /admin/users/new, then the user's page: the admin creates a customer and gives them payments. */
export class AdminUsersPage {
  readonly subscriptionsTable: Locator;
  readonly paymentsTable: Locator;

  constructor(readonly page: Page) {
    this.subscriptionsTable = page.getByTestId("subscriptions-table");
    this.paymentsTable = page.getByTestId("payments-table");
  }

  /** Create a customer and stay on their page; returns its URL. */
  async createCustomer(email: string, password: string): Promise<string> {
    await this.page.goto("/admin/users/new");
    await this.page.getByTestId("user-email").fill(email);
    await this.page.getByTestId("user-name").fill(email.split("@")[0] ?? email);
    await this.page.getByTestId("user-password").fill(password);
    await this.page.getByTestId("create-user-submit").click();
    await this.page.waitForURL(/\/admin\/users\/\d+/);
    await expect(this.page.getByTestId("user-detail-email")).toHaveText(email);
    return this.page.url();
  }

  /** On the user's page: a payment for one subscription type, marked paid. */
  async addPaidPayment(typeCode: string) {
    await this.page.getByTestId("item-type-0").selectOption(typeCode);
    await this.page.getByTestId("payment-mark-paid").check();
    await this.page.getByTestId("create-payment-submit").click();
  }
}
