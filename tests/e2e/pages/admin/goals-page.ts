import type { Locator, Page } from "@playwright/test";

/** /admin/goals: goals that scenarios wait for. */
export class GoalsPage {
  constructor(readonly page: Page) {}

  async create(code: string, name: string) {
    await this.page.goto("/admin/goals/new");
    await this.page.getByTestId("goal-code").fill(code);
    await this.page.getByTestId("goal-name").fill(name);
    await this.page.getByTestId("goal-submit").click();
  }

  goal(code: string): Locator {
    return this.page.getByTestId(`goal-${code}`);
  }
}
