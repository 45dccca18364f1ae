import type { Locator, Page } from "@playwright/test";

/** /account/upgrade/done/<id>: what the upgrade did. */
export class UpgradeResultPage {
  readonly result: Locator;
  readonly dates: Locator;

  constructor(readonly page: Page) {
    this.result = page.getByTestId("upgrade-result");
    this.dates = page.getByTestId("upgrade-result-dates");
  }

  async waitUntilOpen() {
    await this.page.waitForURL(/\/account\/upgrade\/done\/\d+$/);
  }
}
