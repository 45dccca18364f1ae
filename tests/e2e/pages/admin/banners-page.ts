import { expect, type Locator, type Page } from "@playwright/test";

/** /admin/banners: banners that scenarios show in customers' accounts. */
export class BannersPage {
  readonly preview: Locator;

  constructor(readonly page: Page) {
    this.preview = page.getByTestId("banner-preview");
  }

  async gotoNew() {
    await this.page.goto("/admin/banners/new");
  }

  async fill(title: string, text: string) {
    await this.page.getByTestId("banner-title").fill(title);
    await this.page.getByTestId("banner-text").fill(text);
  }

  /** Save the form; returns the new banner's id, read from its link in the list. */
  async save(title: string): Promise<number> {
    await this.page.getByTestId("banner-submit").click();
    const id = Number(
      (await this.page.getByRole("link", { name: title }).getAttribute("href"))?.split("/").pop(),
    );
    expect(id).toBeGreaterThan(0);
    return id;
  }
}
