import type { Locator, Page } from "@playwright/test";

/** /admin/scenarios/<id>/runs: a scenario's runs with their filters (status, version, node, user email). */
export class ScenarioRunsPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly empty: Locator;
  readonly status: Locator;
  readonly email: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId("scenario-run-list");
    this.rows = this.table.locator('[data-testid^="scenario-run-row-"]');
    this.empty = page.getByTestId("empty-state");
    this.status = page.getByTestId("filter-status");
    this.email = page.getByTestId("filter-email");
  }

  /** Opens the builder of the scenario named `name` from the scenarios list, then its runs through the header. */
  async openFromBuilder(name: string) {
    await this.page.goto("/admin/scenarios");
    await this.page.getByTestId("scenarios-table").getByRole("link", { name, exact: true }).click();
    await this.page.getByTestId("builder-runs").click();
    await this.page.waitForURL(/\/admin\/scenarios\/\d+\/runs$/);
  }

  async filter(filters: { status?: string; email?: string }) {
    if (filters.status !== undefined) await this.status.selectOption(filters.status);
    if (filters.email !== undefined) await this.email.fill(filters.email);
    await this.page
      .getByTestId("scenario-run-filters")
      .getByRole("button", { name: "Filter" })
      .click();
    await this.page.waitForURL(
      (url) => url.searchParams.has("status") || url.searchParams.has("email"),
    );
  }

  row(userEmail: string): Locator {
    return this.rows.filter({ hasText: userEmail });
  }
}
