import type { Locator, Page } from "@playwright/test";

/** /admin/referrals/programs: the programs in words, and the program form (options rendered from each schema). */
export class ReferralProgramsPage {
  readonly title: Locator;
  readonly savedNotice: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByTestId("page-title");
    this.savedNotice = page.getByTestId("saved-notice");
  }

  /** From the referrals page to the programs, then the new-program form. */
  async openNewProgramForm() {
    await this.page.goto("/admin/referrals");
    await this.page.getByTestId("referral-programs-link").click();
    await this.page.waitForURL(/\/admin\/referrals\/programs$/);
    await this.page.getByTestId("new-referral-program").click();
    await this.page.waitForURL(/\/admin\/referrals\/programs\/new$/);
  }

  /** A form field by its test id suffix: `name`, `reward-days`, `friend-reward-percent_off`, `cap`, … */
  field(name: string): Locator {
    return this.page.getByTestId(`program-${name}`);
  }

  /** The error shown beside one part of the form (`constraints`, …). */
  error(part: string): Locator {
    return this.page.getByTestId(`error-program-${part}`);
  }

  async save() {
    await this.page.getByTestId("program-save").click();
  }

  /** The list's row of the program called `name`. */
  program(name: string): Locator {
    return this.page.getByTestId(/^referral-program-row-\d+$/).filter({ hasText: name });
  }

  /** From the list to the program's edit form. */
  async openProgram(name: string) {
    await this.program(name).getByRole("link", { name }).click();
    await this.page.waitForURL(/\/admin\/referrals\/programs\/\d+$/);
  }
}
