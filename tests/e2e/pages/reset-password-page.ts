import type { Locator, Page } from "@playwright/test";

/** /reset-password/<token>: the emailed link sets a new password and signs in; a spent link says why. */
export class ResetPasswordPage {
  readonly linkProblem: Locator;

  constructor(readonly page: Page) {
    this.linkProblem = page.getByTestId("link-problem");
  }

  async goto(path: string) {
    await this.page.goto(path);
  }

  async setPassword(password: string) {
    await this.page.getByLabel("New password").fill(password);
    await this.page.getByRole("button", { name: "Set password and sign in" }).click();
  }
}
