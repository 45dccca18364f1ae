import type { Locator, Page } from "@playwright/test";

/** The admin's ⌘K palette (components/admin/command-palette.tsx). */
export class CommandPalette {
  readonly openButton: Locator;
  readonly dialog: Locator;
  readonly input: Locator;

  constructor(readonly page: Page) {
    this.openButton = page.getByTestId("command-palette-open");
    this.dialog = page.getByTestId("command-palette");
    this.input = page.getByTestId("command-palette-input");
  }

  /** Open with the keyboard shortcut (⌘K on a Mac, Ctrl+K elsewhere). */
  async openWithShortcut() {
    await this.page.keyboard.press("ControlOrMeta+k");
    await this.input.waitFor();
  }

  hit(group: string, id: number): Locator {
    return this.page.getByTestId(`command-hit-${group}-${id}`);
  }
}
