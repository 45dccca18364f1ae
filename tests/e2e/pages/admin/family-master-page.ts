import type { Locator, Page } from "@playwright/test";

/** /admin/family/masters/<user id>: a parent's family codes, activated for a user or released by the admin. */
export class FamilyMasterPage {
  readonly codes: Locator;

  constructor(readonly page: Page) {
    this.codes = page.locator('[data-testid^="family-request-row-"]');
  }

  async goto(userId: number) {
    await this.page.goto(`/admin/family/masters/${userId}`);
  }

  async codeOf(row: Locator): Promise<string> {
    return ((await row.getAttribute("data-testid")) ?? "").replace("family-request-row-", "");
  }

  code(code: string): Locator {
    return this.page.getByTestId(`family-request-row-${code}`);
  }

  /** Rows whose status reads `status` ("created", "accepted", "canceled"). */
  codesWithStatus(status: string): Locator {
    return this.page.locator('[data-testid^="family-request-row-"]', { hasText: status });
  }

  async activateFor(code: string, email: string) {
    await this.page.getByTestId("family-admin-activate-code").fill(code);
    await this.page.getByTestId("family-admin-activate-email").fill(email);
    await this.page.getByTestId("family-admin-activate-submit").click();
  }

  /** Release an accepted code, accepting the confirmation. */
  async release(code: string) {
    this.page.once("dialog", (dialog) => void dialog.accept());
    await this.code(code).locator('[data-testid^="family-release-"]').click();
  }
}
