import type { Locator, Page } from "@playwright/test";
import { UpgradeConfirmPage } from "./upgrade-confirm-page";

/** /account/upgrade: the upgrades the customer's subscription can have, or why there are none. */
export class UpgradeOffersPage {
  readonly reason: Locator;
  readonly paramsInvalid: Locator;

  constructor(readonly page: Page) {
    this.reason = page.getByTestId("upgrade-reason");
    this.paramsInvalid = page.getByTestId("upgrade-params-invalid");
  }

  /** `tags` as a special-offer landing page passes them (`?tags=`). */
  async goto(tags?: string) {
    await this.page.goto(tags === undefined ? "/account/upgrade" : `/account/upgrade?tags=${tags}`);
  }

  /** The offer of one upgrade method (`short`, `paid_recurrent`, `paid_extend`) to one type. */
  offer(method: string, typeCode: string): Locator {
    return this.page.getByTestId(`upgrade-offer-${method}-${typeCode}`);
  }

  async choose(method: string, typeCode: string): Promise<UpgradeConfirmPage> {
    await this.page.getByTestId(`upgrade-choose-${method}-${typeCode}`).click();
    await this.page.waitForURL(/\/account\/upgrade\/confirm\?/);
    return new UpgradeConfirmPage(this.page);
  }
}
