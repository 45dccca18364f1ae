import { readFile } from "node:fs/promises";
import { createCustomer, expect, test, uniqueSuffix } from "./fixtures";
import { AuditLogPage } from "./pages/admin/audit-log-page";
import { CommandPalette } from "./pages/admin/command-palette";
import { LoginPage } from "./pages/login-page";
import { parseCsv } from "../support/parse-csv";

/** Phone and desktop, for the screenshots each step leaves beside the test's output. */
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

test("⌘K finds a customer by the start of their email and opens their page", async ({
  page,
  adminApi,
}, testInfo) => {
  const customer = await createCustomer(adminApi, "palette");
  await new LoginPage(page).signIn("admin@subflow.test", "admin1234", "/admin");
  const palette = new CommandPalette(page);

  await palette.openWithShortcut();
  await palette.input.fill(customer.email.slice(0, -"@example.com".length));
  const hit = palette.hit("users", customer.id);
  await expect(hit).toContainText(customer.email);
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await page.screenshot({
      path: testInfo.outputPath(`palette-${viewport.width}x${viewport.height}.png`),
    });
  }
  await page.setViewportSize(VIEWPORTS[0]!);
  // Arrow keys move through the hits; Enter opens the selected one (the only one here).
  await palette.input.press("ArrowDown");
  await palette.input.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/admin/users/${customer.id}$`));
  await expect(page.getByTestId("user-detail-email")).toHaveText(customer.email);
  await expect(palette.dialog).toBeHidden();

  // The header's button opens it too; nothing found says so.
  await palette.openButton.click();
  await palette.input.fill(`nobody-${uniqueSuffix()}`);
  await expect(palette.dialog).toContainText("Nothing found");
  await page.keyboard.press("Escape");
  await expect(palette.dialog).toBeHidden();
});

test("a filtered users list exports exactly its rows as CSV", async ({
  page,
  adminApi,
}, testInfo) => {
  const suffix = uniqueSuffix();
  const first = await createCustomer(adminApi, "export-a", { suffix, name: "=cmd|' /C calc'!A0" });
  const second = await createCustomer(adminApi, "export-b", { suffix });
  await createCustomer(adminApi, "export-other");
  await new LoginPage(page).signIn("admin@subflow.test", "admin1234", "/admin");
  await page.goto(`/admin/users?q=${suffix}&role=customer`);
  await expect(page.getByTestId("users-table").locator("tbody tr")).toHaveCount(2);

  const link = page.getByTestId("export-csv");
  await expect(link).toHaveAttribute("href", `/admin/users/export.csv?q=${suffix}&role=customer`);
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await page.screenshot({
      path: testInfo.outputPath(`export-link-${viewport.width}x${viewport.height}.png`),
    });
  }
  await page.setViewportSize(VIEWPORTS[0]!);

  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^users-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...rows] = parseCsv(await readFile((await download.path())!, "utf8"));
  expect(header).toEqual([
    "id",
    "email",
    "name",
    "role",
    "created_at",
    "confirmed_at",
    "last_login_at",
  ]);
  expect(rows.map((row) => Number(row[0])).sort()).toEqual([first.id, second.id].sort());
  const byId = new Map(rows.map((row) => [Number(row[0]), row]));
  expect(byId.get(first.id)!.slice(1, 4)).toEqual([first.email, `'${first.name}`, "customer"]);
  expect(byId.get(second.id)![4]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
});

test("staff view a customer's account read-only, with a banner, and the view is audited", async ({
  page,
  adminApi,
}, testInfo) => {
  const customer = await createCustomer(adminApi, "viewas", {
    buys: {
      gateway: "demo",
      items: [{ subscription_type_code: "web_monthly" }],
      recurrent: { card_token: "tok_visa" },
    },
  });
  await new LoginPage(page).signIn("admin@subflow.test", "admin1234", "/admin");
  await page.goto(`/admin/users/${customer.id}`);
  await page.getByTestId("view-as-customer").click();

  await expect(page).toHaveURL(/\/account$/);
  const banner = page.getByTestId("view-as-banner");
  await expect(banner).toContainText(`Viewing as ${customer.email} (read-only)`);
  await expect(page.getByTestId("header-email")).toHaveText(customer.email);
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await page.screenshot({
      path: testInfo.outputPath(`view-as-${viewport.width}x${viewport.height}.png`),
    });
  }
  await page.setViewportSize(VIEWPORTS[0]!);

  // A change is refused on the server, whatever the button.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByTestId("stop-my-recurrent").click();
  await expect(page.getByRole("alert").filter({ hasText: "read-only" })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("stop-my-recurrent")).toBeVisible();

  // Other pages of the account carry the banner too.
  await page.goto("/account/profile");
  await expect(banner).toBeVisible();

  await page.getByTestId("view-as-stop").click();
  await expect(page).toHaveURL(new RegExp(`/admin/users/${customer.id}$`));
  const audit = new AuditLogPage(page);
  await expect(audit.historyRows.filter({ hasText: "users.view-as-start" })).toHaveCount(1);
  await expect(audit.historyRows.filter({ hasText: "users.view-as-stop" })).toHaveCount(1);

  // The admin's own account is theirs again.
  await page.goto("/account");
  await expect(page.getByTestId("view-as-banner")).toHaveCount(0);
  await expect(page.getByTestId("header-email")).toHaveText("admin@subflow.test");
});
