import type { Locator, Page } from "@playwright/test";

export interface ProfileDetails {
  name: string;
  addressLine1: string;
  postalCode: string;
  city: string;
  /** ISO code, as the country list's values. */
  country: string;
}

/** /account/profile: name and postal address, the email address, the password. */
export class ProfilePage {
  readonly profileForm: Locator;
  readonly name: Locator;
  readonly addressLine1: Locator;
  readonly postalCode: Locator;
  readonly city: Locator;
  readonly country: Locator;
  readonly email: Locator;
  readonly passwordForm: Locator;
  readonly passwordChanged: Locator;

  constructor(readonly page: Page) {
    this.profileForm = page.getByTestId("profile-form");
    this.name = this.profileForm.getByLabel("Name");
    this.addressLine1 = this.profileForm.getByLabel("Address line 1");
    this.postalCode = this.profileForm.getByLabel("Postal code");
    this.city = this.profileForm.getByLabel("City");
    this.country = this.profileForm.getByLabel("Country");
    this.email = page.getByTestId("profile-email");
    this.passwordForm = page.getByTestId("change-password-form");
    this.passwordChanged = page.getByTestId("change-password-done");
  }

  async goto() {
    await this.page.goto("/account/profile");
  }

  async saveProfile(details: ProfileDetails) {
    await this.name.fill(details.name);
    await this.addressLine1.fill(details.addressLine1);
    await this.postalCode.fill(details.postalCode);
    await this.city.fill(details.city);
    await this.country.selectOption(details.country);
    await this.profileForm.getByRole("button", { name: "Save profile" }).click();
  }

  profileSaved(): Locator {
    return this.profileForm.getByTestId("form-success");
  }

  async changePassword(current: string, next: string) {
    await this.passwordForm.getByLabel("Current password").fill(current);
    await this.passwordForm.getByLabel("New password").fill(next);
    await this.passwordForm.getByTestId("change-password-submit").click();
  }

  /** The error shown beside the current password. */
  currentPasswordError(): Locator {
    return this.page.getByTestId("error-currentPassword");
  }
}
