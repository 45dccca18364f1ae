import type { Locator, Page } from "@playwright/test";

/** /admin/audit and the history card of an entity's admin page. */
export class AuditLogPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly filters: Locator;
  readonly history: Locator;
  readonly historyRows: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId("audit-table");
    this.rows = page.getByTestId("audit-row");
    this.filters = page.getByTestId("audit-filters");
    this.history = page.getByTestId("entity-history");
    this.historyRows = page.getByTestId("entity-history-row");
  }

  async filterByAction(action: string) {
    await this.filters.getByLabel("Action").fill(action);
    await this.filters.getByRole("button", { name: "Filter" }).click();
    await this.page.waitForURL((url) => url.searchParams.get("action") === action);
  }
}
