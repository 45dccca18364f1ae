import { expect, type Locator, type Page } from "@playwright/test";

/** /admin/emails: the messages the app composed (no SMTP in tests), searchable, each with its own page. */
export class MailboxPage {
  readonly table: Locator;
  readonly emailText: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId("emails-table");
    this.emailText = page.getByTestId("email-text");
  }

  async search(query: string) {
    await this.page.goto(`/admin/emails?q=${encodeURIComponent(query)}`);
  }

  /** Search until the list shows `text` (emails are sent in the background), checking every try for `perTry` ms. */
  async waitFor(query: string, text: string, options: { timeout: number; perTry?: number }) {
    await expect(async () => {
      await this.search(query);
      await expect(this.table).toContainText(
        text,
        options.perTry === undefined ? undefined : { timeout: options.perTry },
      );
    }).toPass({ timeout: options.timeout, intervals: [500, 1000, 2000] });
  }

  /** Open the newest email listed; `withText`: the newest whose row shows it (others may match the search too). */
  async openNewest(withText?: string) {
    const rows = withText ? this.table.getByRole("row").filter({ hasText: withText }) : this.table;
    await rows.getByTestId("email-link").first().click();
  }
}
