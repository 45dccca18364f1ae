import type { Locator, Page } from "@playwright/test";

/**
 * Any /admin page: its sidebar and navigation, the signed-in person's role, and the page a role without permission
 * lands on.
 */
export class AdminShell {
  readonly role: Locator;
  readonly title: Locator;
  readonly noAccess: Locator;
  /** The sidebar: `data-state` expanded or collapsed (the rail of icons). */
  readonly sidebar: Locator;
  readonly sidebarToggle: Locator;

  constructor(readonly page: Page) {
    this.role = page.getByTestId("header-role");
    this.title = page.getByTestId("page-title");
    this.noAccess = page.getByTestId("no-access");
    this.sidebar = page.getByTestId("admin-sidebar");
    this.sidebarToggle = page.getByTestId("sidebar-toggle");
  }

  /** The navigation's link to an area (components/admin/admin-areas.ts slugs). */
  navLink(slug: string): Locator {
    return this.page.getByTestId("admin-nav").getByTestId(`nav-${slug}`);
  }
}
