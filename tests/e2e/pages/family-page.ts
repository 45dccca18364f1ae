import type { Locator, Page } from "@playwright/test";

/** /account/family: a parent's family codes (with their links), and the families the customer is a member of. */
export class FamilyPage {
  /** Every code row of the parent's families, whatever its status. */
  readonly codes: Locator;
  /** The codes still free to share. */
  readonly availableCodes: Locator;

  constructor(readonly page: Page) {
    this.codes = page.locator('[data-testid^="family-code-"][data-status]');
    this.availableCodes = page.locator('[data-testid^="family-code-"][data-status="created"]');
  }

  async goto() {
    await this.page.goto("/account/family");
  }

  /** The code a row shows (its test id is `family-code-<code>`). */
  async codeOf(row: Locator): Promise<string> {
    return ((await row.getAttribute("data-testid")) ?? "").replace("family-code-", "");
  }

  code(code: string): Locator {
    return this.page.getByTestId(`family-code-${code}`);
  }

  /** Copy a code's link with its button, and read the link from its field (not the clipboard). */
  async copyLink(code: string): Promise<string> {
    const row = this.code(code);
    await row.getByTestId(`family-copy-${code}`).click();
    return row.getByTestId(`family-link-${code}`).inputValue();
  }

  /** The customer's membership in someone's family through this code. */
  membership(code: string): Locator {
    return this.page.getByTestId(`family-membership-${code}`);
  }

  /** Leave the family joined with this code, accepting the confirmation. */
  async leave(code: string) {
    this.page.once("dialog", (dialog) => void dialog.accept());
    await this.membership(code).getByTestId("family-leave").click();
  }
}
