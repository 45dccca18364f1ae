import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  resubscribeByLinkAction,
  saveEmailPreferencesByLinkAction,
  unsubscribeByLinkAction,
} from "@/app/email/(consent)/actions";
import { updateEmailPreferencesAction } from "@/app/(customer)/account/profile/actions";
import { setUserEmailPreferencesAction } from "@/lib/actions/email/set-user-email-preferences";
import { auditLog, emailSuppressions, emailTopics, type User } from "@/lib/db/schema";
import { sealEmailToken } from "@/lib/email/consent/email-tokens";
import { loadEmailPreferences } from "@/lib/email/consent/email-preferences";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase } from "../../support/test-database";
import { uniqueEmail } from "../services/fixtures";

/*
 * The forms behind the unsubscribe page, the preference centre (an email link's token, no sign-in) and the profile's
 * email preferences (the session's own user): each changes only its own recipient's choices.
 */

const browser = vi.hoisted(() => ({ session: null as unknown }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => browser.session,
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
let newsId: number;

beforeAll(async () => {
  database = await openTestDatabase();
  newsId = (await db().select().from(emailTopics).where(eq(emailTopics.code, "news")))[0]!.id;
  // An opt-in topic beside the migration's two.
  await db()
    .insert(emailTopics)
    .values({ code: "weekly", name: "Weekly", subscribedByDefault: false, sorting: 20 });
});
beforeEach(() => {
  browser.session = null;
});
afterAll(() => database.close());

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values))
    for (const one of Array.isArray(value) ? value : [value]) data.append(key, one);
  return data;
}

const stateOf = async (userId: number) =>
  Object.fromEntries((await loadEmailPreferences(db(), userId)).map((p) => [p.code, p.subscribed]));

describe("the unsubscribe page's buttons", () => {
  it("leave the link's topic and come back, for the token's user only", async () => {
    const reader = await createUser(db(), { email: uniqueEmail("page") });
    const other = await createUser(db(), { email: uniqueEmail("other") });
    const token = sealEmailToken("unsubscribe", { u: reader.id, t: newsId });
    expect(await unsubscribeByLinkAction(null, form({ token }))).toEqual({ ok: true });
    expect(await stateOf(reader.id)).toEqual({ account: true, news: false, weekly: false });
    expect(await stateOf(other.id)).toEqual({ account: true, news: true, weekly: false });
    expect(await resubscribeByLinkAction(null, form({ token }))).toEqual({ ok: true });
    expect((await stateOf(reader.id)).news).toBe(true);
  });

  it("refuse a changed token without changing anything", async () => {
    const reader = await createUser(db(), { email: uniqueEmail("bad") });
    const token = sealEmailToken("unsubscribe", { u: reader.id, t: newsId });
    for (const bad of [`${token}x`, token.slice(1), "", "../../etc"]) {
      expect(await unsubscribeByLinkAction(null, form({ token: bad }))).toMatchObject({
        ok: false,
        error: "email_link_invalid",
      });
    }
    expect(await unsubscribeByLinkAction(null, new FormData())).toMatchObject({ ok: false });
    expect((await stateOf(reader.id)).news).toBe(true);
  });
});

describe("the preference centre", () => {
  it("sets every topic the form showed: ticked on, unticked off", async () => {
    const reader = await createUser(db(), { email: uniqueEmail("centre") });
    const token = sealEmailToken("unsubscribe", { u: reader.id, t: newsId });
    const saved = await saveEmailPreferencesByLinkAction(
      null,
      form({ token, "shown[]": ["news", "weekly"], "subscribed[]": ["weekly"] }),
    );
    expect(saved).toEqual({ ok: true });
    expect(await stateOf(reader.id)).toEqual({ account: true, news: false, weekly: true });
    // Account mail cannot be left, even by a crafted form.
    expect(
      await saveEmailPreferencesByLinkAction(null, form({ token, "shown[]": ["account"] })),
    ).toMatchObject({ ok: false, error: "email_topic_not_changeable" });
  });

  it("gives a recipient who is no user one choice: all marketing mail to the address", async () => {
    const address = uniqueEmail("invited");
    const token = sealEmailToken("unsubscribe", { a: address, t: newsId });
    const active = () =>
      db()
        .select()
        .from(emailSuppressions)
        .where(and(eq(emailSuppressions.address, address), isNull(emailSuppressions.liftedAt)));
    await saveEmailPreferencesByLinkAction(null, form({ token, "shown[]": ["all-marketing"] }));
    expect(await active()).toEqual([expect.objectContaining({ reason: "unsubscribed" })]);
    await saveEmailPreferencesByLinkAction(
      null,
      form({ token, "shown[]": ["all-marketing"], "subscribed[]": ["all-marketing"] }),
    );
    expect(await active()).toEqual([]);
  });
});

function signIn(user: User) {
  browser.session = {
    user: { id: user.id, role: user.role, sessionVersion: user.sessionVersion },
    expires: "",
  };
}

describe("the profile's email preferences", () => {
  it("change the signed-in user's own topics, and need a session", async () => {
    const refused = await updateEmailPreferencesAction(null, form({ "shown[]": ["news"] }));
    expect(refused).toMatchObject({ ok: false, error: "unauthenticated" });
    const customer = await createUser(db(), { email: uniqueEmail("own"), password: "pw-12345678" });
    signIn(customer);
    const saved = await updateEmailPreferencesAction(
      null,
      form({ "shown[]": ["news", "weekly"], "subscribed[]": ["weekly"] }),
    );
    expect(saved).toMatchObject({ ok: true, message: "Your email preferences are saved." });
    expect(await stateOf(customer.id)).toEqual({ account: true, news: false, weekly: true });
    const [news] = (await loadEmailPreferences(db(), customer.id)).filter((p) => p.code === "news");
    expect(news?.source).toBe("account");
  });
});

describe("an admin changing a user's email topics", () => {
  it("needs customers.write; the change is the user's, with source admin, in the audit log", async () => {
    const customer = await createUser(db(), { email: uniqueEmail("cust") });
    const viewer = await createUser(db(), { email: uniqueEmail("viewer"), role: "viewer" });
    signIn(viewer);
    const change = form({ userId: String(customer.id), "shown[]": ["news"] });
    expect(await setUserEmailPreferencesAction(null, change)).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    const support = await createUser(db(), { email: uniqueEmail("support"), role: "support" });
    signIn(support);
    expect(
      await setUserEmailPreferencesAction(null, form({ userId: "999999", "shown[]": ["news"] })),
    ).toMatchObject({ ok: false, error: "user_not_found" });
    expect(await setUserEmailPreferencesAction(null, change)).toMatchObject({ ok: true });
    const [news] = (await loadEmailPreferences(db(), customer.id)).filter((p) => p.code === "news");
    expect(news).toMatchObject({ subscribed: false, source: "admin" });
    const entries = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityType, "user_email_preferences"));
    expect(entries).toEqual([
      expect.objectContaining({
        action: "users.set-email-preferences",
        actorUserId: support.id,
        operation: "insert",
        after: expect.objectContaining({ user_id: customer.id, subscribed: false }),
      }),
    ]);
  });
});
