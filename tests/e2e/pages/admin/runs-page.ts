import type { Locator, Page } from "@playwright/test";

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

  async openNewest() {
    await this.page.getByTestId("run-row").first().getByRole("link").click();
  }
}
