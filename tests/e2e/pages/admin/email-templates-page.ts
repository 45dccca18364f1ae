import type { Locator, Page } from "@playwright/test";

export interface NewEmailTemplate {
  name: string;
  code: string;
  subject: string;
  html: string;
  text: string;
}

/** /admin/email-templates: the template form with its live preview, and the list. */
export class EmailTemplatesPage {
  readonly previewSubject: Locator;

  constructor(readonly page: Page) {
    this.previewSubject = page.getByTestId("preview-subject");
  }

  async gotoNew() {
    await this.page.goto("/admin/email-templates/new");
  }

  async fill(template: NewEmailTemplate) {
    await this.page.getByTestId("et-name").fill(template.name);
    await this.page.getByTestId("et-code").fill(template.code);
    await this.page.getByTestId("et-subject").fill(template.subject);
    await this.page.getByTestId("et-html").fill(template.html);
    await this.page.getByTestId("et-text").fill(template.text);
  }

  async save() {
    await this.page.getByTestId("et-submit").click();
  }

  template(code: string): Locator {
    return this.page.getByTestId(`email-template-${code}`);
  }
}
