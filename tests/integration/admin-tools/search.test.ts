import { saveEmailTemplate } from "@/lib/email/save-email-template";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as adminSearch } from "@/app/(admin)/admin/search/route";
import { GET as apiSearch } from "@/app/api/v1/search/route";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import type { ApiScope } from "@/lib/api-tokens/api-scopes";
import { scenarios, type User } from "@/lib/db/schema";
import { EMPTY_GRAPH } from "@/lib/scenarios/graph";
import type { SearchResultsJson } from "@/lib/search/search-json";
import { openTestDatabase } from "../../support/test-database";
import { createUser, seedCatalog } from "../services/fixtures";
import { cookieStoreOf, get, signInAs, type FakeBrowser } from "./admin-tools-kit";

/*
 * The admin search behind the ⌘K palette: users by email prefix, name or id; the catalog and automation by name or
 * code; `%` and `_` typed are literal; staff only, and an API token sees only the groups its scopes open.
 */

const browser = vi.hoisted((): FakeBrowser => ({
  session: null,
  headers: new Headers(),
  cookies: new Map(),
}));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => browser.session,
}));
vi.mock("next/headers", () => ({
  headers: async () => browser.headers,
  cookies: async () => cookieStoreOf(browser),
}));

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
let viewer: User;
let customer: User;
let jane: User;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedCatalog(db());
  viewer = await createUser(db(), { email: "viewer@example.com", role: "viewer" });
  customer = await createUser(db(), { email: "customer@example.com", name: "Plain Customer" });
  jane = await createUser(db(), { email: "Jane.Doe@Example.com", name: "Jane Doe" });
  await createUser(db(), { email: "bob@example.com", name: "Robert Jane-Smith" });
  await createUser(db(), { email: "not_jane@example.com", name: "Someone" });
  await createUser(db(), { email: "notxjane@example.com", name: "Other" });
  await db().insert(scenarios).values({ name: "Welcome series", draftGraph: EMPTY_GRAPH });
  await db().insert(scenarios).values({
    name: "Welcome (old)",
    draftGraph: EMPTY_GRAPH,
    status: "deleted",
    deletedAt: new Date(),
  });
  await saveEmailTemplate(db(), {
    code: "welcome_mail",
    name: "Welcome mail",
    subject: "Hi",
    bodyHtml: "<p>Hi</p>",
    bodyText: "Hi",
  });
});
afterAll(() => database.close());

async function search(q: string): Promise<{ status: number; body: SearchResultsJson }> {
  const result = await get(adminSearch, `/admin/search?${new URLSearchParams({ q })}`);
  return { status: result.status, body: JSON.parse(result.text) as SearchResultsJson };
}

const titles = (body: SearchResultsJson, group: string) =>
  body.groups.find((g) => g.group === group)?.hits.map((hit) => hit.title) ?? [];

describe("the palette's search", () => {
  it("finds users by the start of their email (any case), a word of their name, or their id", async () => {
    signInAs(browser, viewer);
    expect(titles((await search("jane")).body, "users")).toEqual([
      "jane.doe@example.com",
      "bob@example.com",
    ]);
    expect(titles((await search("JANE.D")).body, "users")).toEqual(["jane.doe@example.com"]);
    expect(titles((await search(`#${customer.id}`)).body, "users")).toEqual([
      "customer@example.com",
    ]);
    const hit = (await search("jane.doe")).body.groups[0]!.hits[0]!;
    expect(hit).toEqual({
      id: jane.id,
      title: "jane.doe@example.com",
      detail: "Jane Doe",
      admin_path: `/admin/users/${jane.id}`,
    });
  });

  it("takes % and _ as the characters they are", async () => {
    signInAs(browser, viewer);
    expect(titles((await search("not_")).body, "users")).toEqual(["not_jane@example.com"]);
    expect((await search("%")).body.groups).toEqual([]);
  });

  it("finds scenarios (not deleted ones), email templates and subscription types by name or code", async () => {
    signInAs(browser, viewer);
    const { body } = await search("welcome");
    expect(titles(body, "scenarios")).toEqual(["Welcome series"]);
    expect(titles(body, "email_templates")).toEqual(["Welcome mail"]);
    expect(titles((await search("web_print")).body, "subscription_types")).toEqual([
      "Web + print monthly",
    ]);
    const paths = body.groups.flatMap((g) => g.hits.map((hit) => hit.admin_path));
    expect(paths).toEqual([
      expect.stringMatching(/^\/admin\/scenarios\/\d+$/),
      expect.stringMatching(/^\/admin\/email-templates\/\d+$/),
    ]);
  });

  it("answers an empty query with nothing, and refuses customers and visitors", async () => {
    signInAs(browser, viewer);
    expect((await search("  ")).body.groups).toEqual([]);
    signInAs(browser, customer);
    expect((await search("jane")).status).toBe(403);
    browser.session = null;
    expect((await search("jane")).status).toBe(401);
  });
});

describe("GET /api/v1/search", () => {
  const tokenWith = async (scopes: ApiScope[]) =>
    (await createApiToken(db(), { name: `search ${scopes.join(" ")}`, scopes })).token;
  const apiGroups = async (token: string, q: string) => {
    const result = await get(apiSearch, `/api/v1/search?${new URLSearchParams({ q })}`, token);
    return { status: result.status, body: JSON.parse(result.text) };
  };

  it("shows each group only to a token with the group's scope", async () => {
    const catalogOnly = await tokenWith(["subscriptions:read"]);
    const { body } = await apiGroups(catalogOnly, "web");
    expect(body.groups.map((g: { group: string }) => g.group)).toEqual(["subscription_types"]);
    const usersOnly = await tokenWith(["users:read"]);
    expect((await apiGroups(usersOnly, "welcome")).body.groups).toEqual([]);
    expect((await apiGroups(usersOnly, "jane")).body.groups[0].group).toBe("users");
    const automation = await tokenWith(["automation:read"]);
    expect(
      (await apiGroups(automation, "welcome")).body.groups.map((g: { group: string }) => g.group),
    ).toEqual(["scenarios", "email_templates"]);
  });

  it("refuses a token with none of the search scopes, and an empty or overlong query", async () => {
    const none = await tokenWith(["events:write"]);
    const refused = await apiGroups(none, "jane");
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe("insufficient_scope");
    const token = await tokenWith(["users:read"]);
    expect((await apiGroups(token, " ")).status).toBe(400);
    expect((await apiGroups(token, "x".repeat(101))).status).toBe(400);
  });
});
