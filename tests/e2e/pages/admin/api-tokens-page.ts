import { expect, type Locator, type Page } from "@playwright/test";
import type { ApiScope } from "../../support/admin-api";

/** /admin/api-tokens: tokens for the v1 API, shown once when made, revocable. */
export class ApiTokensPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/admin/api-tokens");
  }

  /** Make a token with these scopes and return the plain token shown once. */
  async createToken(name: string, scopes: readonly ApiScope[]): Promise<string> {
    await this.goto();
    await this.page.getByTestId("token-name").fill(name);
    for (const scope of scopes) await this.page.getByTestId(`scope-${scope}`).check();
    await this.page.getByTestId("create-token-submit").click();
    const token = (await this.page.getByTestId("new-token-value").textContent())?.trim() ?? "";
    expect(token).toMatch(/^sf_api_/);
    return token;
  }

  token(name: string): Locator {
    return this.page.locator("[data-testid^=api-token-]").filter({ hasText: name });
  }

  /** Revoke the token called `name`, accepting the confirmation. */
  async revoke(name: string) {
    this.page.once("dialog", (dialog) => void dialog.accept());
    await this.token(name).getByRole("button", { name: "Revoke" }).click();
  }
}
