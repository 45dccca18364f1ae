import type { Locator, Page } from "@playwright/test";

/** /family/activate/<code>: what a family code gives and whose it is; signed in, the customer activates it. */
export class FamilyActivationPage {
  readonly type: Locator;
  readonly master: Locator;
  readonly access: Locator;
  readonly signInLink: Locator;
  readonly activateButton: Locator;
  readonly result: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.type = page.getByTestId("family-activate-type");
    this.master = page.getByTestId("family-activate-master");
    this.access = page.getByTestId("family-activate-access");
    this.signInLink = page.getByTestId("family-signin");
    this.activateButton = page.getByTestId("family-activate");
    this.result = page.getByTestId("family-activate-result");
    this.error = page.getByTestId("family-activate-error");
  }

  async goto(code: string) {
    await this.page.goto(`/family/activate/${code}`);
  }

  /** Signed out: go and register, to come back here. */
  async registerFirst() {
    await this.page.getByTestId("family-register").click();
    await this.page.waitForURL((url) => url.pathname === "/register");
  }

  async activate() {
    await this.activateButton.click();
  }

  async openAccount() {
    await this.page.getByTestId("family-activate-account").click();
    await this.page.waitForURL((url) => url.pathname === "/account");
  }
}
