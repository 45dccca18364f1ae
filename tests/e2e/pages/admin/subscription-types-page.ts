import type { Locator, Page } from "@playwright/test";

export interface NewSubscriptionType {
  name: string;
  code: string;
  lengthDays: number;
  /** As typed in the form: "7.50". */
  price: string;
  contentAccess: readonly string[];
}

/** /admin/subscription-types: the catalog, and the form for a new type. */
export class SubscriptionTypesPage {
  constructor(readonly page: Page) {}

  async create(type: NewSubscriptionType) {
    await this.page.goto("/admin/subscription-types/new");
    await this.page.getByTestId("st-name").fill(type.name);
    await this.page.getByTestId("st-code").fill(type.code);
    await this.page.getByTestId("st-length").fill(String(type.lengthDays));
    await this.page.getByTestId("st-price").fill(type.price);
    for (const code of type.contentAccess) await this.page.getByTestId(`st-access-${code}`).check();
    await this.page.getByTestId("st-submit").click();
  }

  /** The catalog row of a type, by code. */
  type(code: string): Locator {
    return this.page.getByTestId(`subscription-type-${code}`);
  }
}
