import type { Locator, Page } from "@playwright/test";

/** /forgot-password: ask for a reset link by email. */
export class ForgotPasswordPage {
  readonly sent: Locator;

  constructor(readonly page: Page) {
    this.sent = page.getByTestId("forgot-password-sent");
  }

  async requestLink(email: string) {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByRole("button", { name: "Send me a link" }).click();
  }
}
