import type { Locator, Page } from "@playwright/test";

/** /account/upgrade/confirm: the chosen upgrade's charge, confirmed with one button. */
export class UpgradeConfirmPage {
  readonly charge: Locator;
  readonly confirmButton: Locator;

  constructor(readonly page: Page) {
    this.charge = page.getByTestId("upgrade-charge");
    this.confirmButton = page.getByTestId("upgrade-confirm");
  }

  async confirm() {
    await this.confirmButton.click();
  }
}
