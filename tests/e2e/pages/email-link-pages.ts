import type { Locator, Page } from "@playwright/test";

/** /email/unsubscribe/<token>: confirm, then undo or go to all preferences (no sign-in). */
export class UnsubscribePage {
  readonly confirmButton: Locator;
  readonly done: Locator;
  readonly resubscribeButton: Locator;
  readonly resubscribed: Locator;
  readonly preferencesLink: Locator;

  constructor(readonly page: Page) {
    this.confirmButton = page.getByTestId("unsubscribe-confirm-button");
    this.done = page.getByTestId("unsubscribe-done");
    this.resubscribeButton = page.getByTestId("resubscribe");
    this.resubscribed = page.getByTestId("resubscribed");
    this.preferencesLink = page.getByTestId("unsubscribe-preferences-link");
  }
}

/** The topic boxes of the profile's email preferences and of the preference centre (the same form). */
export class EmailPreferencesForm {
  constructor(readonly page: Page) {}

  topic(code: string): Locator {
    return this.page.getByTestId(`email-topic-toggle-${code}`);
  }

  async save() {
    await this.page.getByTestId("email-preferences-save").click();
  }
}
