import { expect, type Locator, type Page } from "@playwright/test";

/** /admin/dev/runs: the local executor's runs, and one run's page with its steps. */
export class RunsPage {
  readonly table: Locator;
  readonly status: Locator;
  readonly steps: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId("runs-table");
    this.status = page.getByTestId("run-status");
    this.steps = page.getByTestId("run-steps");
  }

  async gotoFunction(functionId: string) {
    await this.page.goto(`/admin/dev/runs?function=${functionId}`);
  }

  /** Open the newest run's page, and wait until it shows (the list's own status badges are gone). */
  async openNewest() {
    await this.page.getByTestId("run-row").first().getByRole("link").click();
    await expect(this.page).toHaveURL(/\/admin\/dev\/runs\/[^/?]+$/);
    await expect(this.table).toHaveCount(0);
  }
}
