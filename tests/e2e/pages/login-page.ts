import type { Locator, Page } from "@playwright/test";

/** The seeded owner (scripts/seed): the API cannot create staff, so staff sessions start from the seeded accounts. */
export const SEEDED_ADMIN = { email: "admin@subflow.test", password: "admin1234" };
/** The seeded marketer: scenarios, segments, emails…; no billing. */
export const SEEDED_MARKETER = { email: "marketer@subflow.test", password: "marketer1234" };

/** /login: email and password, then the page the callback URL names. */
export class LoginPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly forgotPasswordLink: Locator;

  constructor(readonly page: Page) {
    this.email = page.getByLabel("Email");
    this.password = page.getByLabel("Password", { exact: true });
    this.submit = page.getByRole("button", { name: "Sign in" });
    this.error = page.getByTestId("login-error");
    this.forgotPasswordLink = page.getByRole("link", { name: "Forgot your password?" });
  }

  async goto(callbackUrl: string) {
    await this.page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  }

  async submitCredentials(email: string, password: string) {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Sign in and wait until the callback page (`landOn`) opens. */
  async signIn(email: string, password: string, landOn = "/account") {
    await this.goto(landOn);
    await this.submitCredentials(email, password);
    await this.page.waitForURL((url) => url.pathname.startsWith(landOn));
  }

  async signInAsAdmin() {
    await this.signIn(SEEDED_ADMIN.email, SEEDED_ADMIN.password, "/admin");
  }
}
