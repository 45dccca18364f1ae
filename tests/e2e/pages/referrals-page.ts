import type { Locator, Page } from "@playwright/test";

/** /account/referrals: the customer's referral link, invitations by email, their referrals and rewards. */
export class ReferralsPage {
  readonly programSummary: Locator;
  readonly link: Locator;
  readonly referrals: Locator;
  readonly rewards: Locator;
  readonly discountCodes: Locator;
  readonly inviteSuccess: Locator;
  readonly inviteError: Locator;

  constructor(readonly page: Page) {
    this.programSummary = page.getByTestId("referral-program-summary");
    this.link = page.getByTestId("referral-link");
    this.referrals = page.getByTestId("referral-row");
    this.rewards = page.getByTestId("reward-row");
    this.discountCodes = page.getByTestId("reward-discount-code");
    this.inviteSuccess = page.getByTestId("invite-success");
    this.inviteError = page.getByTestId("invite-error");
  }

  async goto() {
    await this.page.goto("/account/referrals");
  }

  /** The path of the customer's referral link (`/r/<code>`). */
  async linkPath(): Promise<string> {
    return new URL(await this.link.inputValue()).pathname;
  }

  async copyLink(): Promise<string> {
    await this.page.getByTestId("referral-link-copy").click();
    return this.link.inputValue();
  }

  async invite(email: string, name?: string) {
    await this.page.getByTestId("invite-email").fill(email);
    if (name !== undefined) await this.page.getByTestId("invite-name").fill(name);
    await this.page.getByTestId("invite-submit").click();
  }

  referralOf(name: string): Locator {
    return this.referrals.filter({ hasText: name });
  }

  /** The status the referral of `name` shows ("Pending", "Complete", …). */
  referralStatus(name: string): Locator {
    return this.referralOf(name).getByTestId("referral-status");
  }
}
