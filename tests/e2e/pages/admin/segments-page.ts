import type { Locator, Page } from "@playwright/test";

/** /admin/segments: the rule editor with its live member count, and the list with each segment's count. */
export class SegmentsPage {
  readonly liveCount: Locator;

  constructor(readonly page: Page) {
    this.liveCount = page.getByTestId("segment-live-count-value");
  }

  async gotoNew(name: string, code: string) {
    await this.page.goto("/admin/segments/new");
    await this.page.getByTestId("segment-name").fill(name);
    await this.page.getByTestId("segment-code").fill(code);
  }

  /** Set the first rule (adding it when the form starts without one) to `field` matching `value`. */
  async setFirstRule(field: string, value: string) {
    if ((await this.page.getByTestId("segment-rule-0").count()) === 0)
      await this.page.getByTestId("segment-add-rule").click();
    await this.page.getByTestId("segment-rule-0-field").selectOption(field);
    await this.setFirstRuleValue(value);
  }

  async setFirstRuleValue(value: string) {
    await this.page.getByTestId("segment-rule-0-value").fill(value);
  }

  async save() {
    await this.page.getByTestId("segment-save").click();
  }

  /** The member count the list shows for a segment. */
  countOf(code: string): Locator {
    return this.page.getByTestId(`segment-${code}-count`);
  }
}
