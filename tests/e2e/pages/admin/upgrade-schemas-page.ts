import type { Locator, Page } from "@playwright/test";

/** /admin/upgrades: upgrade schemas, one schema's options and linked base types, and the defaults check. */
export class UpgradeSchemasPage {
  readonly title: Locator;
  readonly optionRows: Locator;
  readonly linkedTypesSaved: Locator;
  readonly recentUpgrades: Locator;
  readonly defaultsCheckSummary: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByTestId("page-title");
    this.optionRows = page.getByTestId(/^option-row-\d+$/);
    this.linkedTypesSaved = page.getByTestId("linked-types-form").getByTestId("form-success");
    this.recentUpgrades = page.getByTestId("recent-upgrades");
    this.defaultsCheckSummary = page.getByTestId("defaults-check-summary");
  }

  async gotoList() {
    await this.page.goto("/admin/upgrades");
  }

  /** Create a schema from the list and land on its page; returns its id. */
  async createSchema(name: string): Promise<number> {
    await this.gotoList();
    await this.page.getByTestId("upgrade-schema-name").fill(name);
    await this.page.getByTestId("upgrade-schema-create").click();
    await this.page.waitForURL(/\/admin\/upgrades\/\d+$/);
    return Number(new URL(this.page.url()).pathname.split("/").pop());
  }

  async gotoSchema(id: number) {
    await this.page.goto(`/admin/upgrades/${id}`);
  }

  /** Add an option of `type` that requires the customer to have `requiredContent`. */
  async addOption(type: string, requiredContent: string) {
    await this.page.getByTestId("option-type").selectOption(type);
    await this.page.getByTestId(`option-require-${requiredContent}`).check();
    await this.page.getByTestId("option-save").click();
    await this.page.waitForURL(/\?saved=option$/);
  }

  linkedType(code: string): Locator {
    return this.page.getByTestId(`linked-type-${code}`);
  }

  async linkType(code: string) {
    await this.linkedType(code).check();
    await this.page.getByTestId("linked-types-save").click();
  }

  /** The list's row of a schema. */
  schema(id: number): Locator {
    return this.page.getByTestId(`upgrade-schema-row-${id}`);
  }

  async openDefaultsCheck() {
    await this.page.getByTestId("defaults-check-link").click();
    await this.page.waitForURL(/\/admin\/upgrades\/defaults$/);
  }
}
