import { AdminShell } from "./pages/admin/admin-shell";
import { LoginPage } from "./pages/login-page";
import { expect, test } from "./fixtures";

/*
 * Issue 21, item 2: the admin's sidebar collapses to icons and stays so on the next page; times read one way, in the
 * viewer's zone, with UTC on hover; a row's actions are one menu button that the keyboard works.
 */

test("the sidebar collapses to icons and is remembered; times read one way with UTC on hover", async ({
  page,
}) => {
  await new LoginPage(page).signInAsAdmin();
  const shell = new AdminShell(page);
  await expect(shell.sidebar).toHaveAttribute("data-state", "expanded");
  expect((await shell.sidebar.boundingBox())?.width).toBe(240);

  await shell.sidebarToggle.click();
  await expect(shell.sidebar).toHaveAttribute("data-state", "collapsed");
  await expect(shell.sidebarToggle).toHaveAttribute("aria-expanded", "false");
  await page.goto("/admin/users");
  await expect(shell.sidebar).toHaveAttribute("data-state", "collapsed");
  expect((await shell.sidebar.boundingBox())?.width).toBe(64);
  // The rail keeps the areas' names for screen readers (and on hover).
  await expect(shell.navLink("users")).toHaveAccessibleName("Users");
  await expect(shell.navLink("users")).toHaveAttribute("title", "Users");

  // Every time on the page: "6 Dec 2026, 22:54", its moment in datetime, and UTC in the title.
  const times = page.locator("main time");
  expect(await times.count()).toBeGreaterThan(0);
  for (const time of await times.all()) {
    await expect(time).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/);
    await expect(time).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    await expect(time).toHaveAttribute("title", /^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC$/);
  }

  await shell.sidebarToggle.click();
  await expect(shell.sidebar).toHaveAttribute("data-state", "expanded");
  await page.reload();
  await expect(shell.sidebar).toHaveAttribute("data-state", "expanded");

  // A narrow window gets the rail whatever the setting.
  await page.setViewportSize({ width: 900, height: 800 });
  expect((await shell.sidebar.boundingBox())?.width).toBe(64);
});

test("a scenario's actions are a menu: arrow keys move, Escape closes and gives the focus back", async ({
  page,
}) => {
  await new LoginPage(page).signInAsAdmin();
  await page.goto("/admin/scenarios");
  const button = page.locator('button[data-testid^="scenario-actions-"]').first();
  await expect(button).toHaveAttribute("aria-haspopup", "menu");
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(button).toHaveAccessibleName(/^Actions for /);

  await button.focus();
  await page.keyboard.press("Enter");
  await expect(button).toHaveAttribute("aria-expanded", "true");
  const menu = page.getByRole("menu");
  await expect(menu).toBeVisible();
  const items = menu.getByRole("menuitem");
  await expect(items.first()).toHaveText("Open");
  await expect(items.first()).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press("End");
  await expect(items.last()).toHaveText("Delete");
  await expect(items.last()).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(items.first()).toBeFocused();

  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(button).toBeFocused();

  // A click outside closes it too; Open follows its link.
  await button.click();
  await expect(menu).toBeVisible();
  await page.getByTestId("page-title").click();
  await expect(menu).toBeHidden();
  await button.click();
  await menu.getByRole("menuitem", { name: "Open" }).click();
  await expect(page).toHaveURL(/\/admin\/scenarios\/\d+$/);
});
