import type { Locator, Page } from "@playwright/test";

export interface NewPerson {
  name: string;
  email: string;
  password: string;
}

/** /register: a new account, signed in at once and sent on to the callback URL (/account by default). */
export class RegisterPage {
  readonly name: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  /** What a visitor who came through a referral link is told: who invited them and what they get. */
  readonly referredBy: Locator;
  readonly friendOffer: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByLabel("Name");
    this.email = page.getByLabel("Email");
    this.password = page.getByLabel("Password", { exact: true });
    this.submit = page.getByRole("button", { name: "Create account" });
    this.referredBy = page.getByTestId("register-referred-by");
    this.friendOffer = page.getByTestId("register-friend-offer");
  }

  async goto(callbackUrl?: string) {
    await this.page.goto(
      callbackUrl ? `/register?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/register",
    );
  }

  /** Fill in and send the form; the caller waits for wherever the page goes next. */
  async register(person: NewPerson) {
    await this.name.fill(person.name);
    await this.email.fill(person.email);
    await this.password.fill(person.password);
    await this.submit.click();
  }
}
