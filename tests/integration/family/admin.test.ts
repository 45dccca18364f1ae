import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { adminActor, type AdminActor } from "@/lib/auth/actor";
import { DAY_MS, freezeClock, now, resetClock } from "@/lib/clock";
import { familyRequests, familySubscriptionTypes } from "@/lib/db/schema";
import { activateFamilyCodeByEmail } from "@/lib/family/admin/activate-family-code-by-email";
import { countUserFamilyRequests } from "@/lib/family/admin/count-user-family-requests";
import { deleteFamilyType } from "@/lib/family/admin/delete-family-type";
import { listFamilyRequests } from "@/lib/family/admin/list-family-requests";
import { listFamilyTypes } from "@/lib/family/admin/list-family-types";
import { listMasterFamilyGroups } from "@/lib/family/admin/list-master-family-groups";
import { saveFamilyType } from "@/lib/family/admin/save-family-type";
import { familyTypeFormSchema, type FamilyTypeInput } from "@/lib/family/schemas";
import { generateFamilyRequests } from "@/lib/family/generate-family-requests";
import { releaseFamilyChild } from "@/lib/family/release-family-child";
import { createContentAccess } from "@/lib/subscriptions/create-content-access";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { saveSubscriptionType } from "@/lib/subscriptions/save-subscription-type";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase } from "../../support/test-database";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
const typeIds: Record<string, number> = {};
let admin: AdminActor;
// Master types for the tests that need one of their own (a master type has at most one family type).
const MASTER_CODES = ["fam_a", "fam_b", "fam_c", "fam_d", "fam_e", "fam_f", "fam_g"] as const;

beforeAll(async () => {
  database = await openTestDatabase();
  admin = adminActor(
    (await createUser(db(), { email: "admin@family-admin.test", role: "admin" })).id,
  );
  await createContentAccess(db(), { code: "web", name: "Web" });
  for (const code of [...MASTER_CODES, "web_y", "print_m"]) {
    const type = await saveSubscriptionType(db(), {
      code,
      name: `Type ${code}`,
      lengthDays: 365,
      priceCents: 9900,
      contentAccessCodes: ["web"],
    });
    typeIds[code] = type.id;
  }
});
afterAll(() => database.close());
afterEach(() => resetClock());

const copyType = (
  masterTypeCode: string,
  extra: Partial<FamilyTypeInput> = {},
): FamilyTypeInput => ({
  masterTypeCode,
  childTypeCode: "web_y",
  donationMethod: "copy",
  count: 3,
  ...extra,
});

let emailCounter = 0;
const newUser = (prefix = "master") =>
  createUser(db(), { email: `${prefix}-${++emailCounter}@family-admin.test` });

/** A master with a running subscription of `masterCode` and its generated codes. */
async function masterWithCodes(
  masterCode: string,
  prefix = "master",
  dates: { startAt?: Date; endAt?: Date } = {},
) {
  const master = await newUser(prefix);
  const subscription = await createSubscription(db(), {
    userId: master.id,
    subscriptionTypeId: typeIds[masterCode]!,
    isPaid: true,
    ...dates,
  });
  const requests = await generateFamilyRequests(db(), { subscriptionId: subscription.id });
  return { master, subscription, requests };
}

describe("saving family types", () => {
  it("creates a type, stores only the chosen method's field and lists it with type codes and names", async () => {
    const saved = await saveFamilyType(
      db(),
      copyType("fam_a", { donationDays: 30, isPaid: true, allowSelfUse: true, renewalGapDays: 5 }),
    );
    expect(saved).toMatchObject({
      masterSubscriptionTypeId: typeIds.fam_a,
      childSubscriptionTypeId: typeIds.web_y,
      donationMethod: "copy",
      donationDays: null,
      donationFixedEnd: null,
      count: 3,
      isPaid: true,
      allowSelfUse: true,
      renewalGapDays: 5,
    });
    const [row] = await listFamilyTypes(db(), { ids: [saved.id] });
    expect(row).toMatchObject({
      masterTypeCode: "fam_a",
      masterTypeName: "Type fam_a",
      childTypeCode: "web_y",
      childTypeName: "Type web_y",
    });

    const edited = await saveFamilyType(db(), {
      ...copyType("fam_a"),
      id: saved.id,
      childTypeCode: null,
      donationMethod: "days",
      donationDays: 14,
      count: 0,
    });
    expect(edited).toMatchObject({
      id: saved.id,
      childSubscriptionTypeId: null,
      donationMethod: "days",
      donationDays: 14,
      count: 0,
      isPaid: false,
    });
    const [customizable] = await listFamilyTypes(db(), { ids: [saved.id] });
    expect(customizable).toMatchObject({ childTypeCode: null, childTypeName: null });
  });

  it("refuses a second family type for a master type (409 family_type_exists), on create and on edit", async () => {
    const first = await saveFamilyType(db(), copyType("fam_b"));
    await expect(saveFamilyType(db(), copyType("fam_b", { count: 5 }))).rejects.toMatchObject({
      code: "family_type_exists",
      status: 409,
    });
    const other = await saveFamilyType(db(), copyType("fam_c"));
    await expect(
      saveFamilyType(db(), { ...copyType("fam_b"), id: other.id }),
    ).rejects.toMatchObject({ code: "family_type_exists" });
    const rows = await db()
      .select()
      .from(familySubscriptionTypes)
      .where(eq(familySubscriptionTypes.masterSubscriptionTypeId, typeIds.fam_b!));
    expect(rows.map((row) => row.id)).toEqual([first.id]);
  });

  it("refuses unknown type codes (400 subscription_type_not_found) and an unknown id (404)", async () => {
    await expect(saveFamilyType(db(), copyType("no_such_type"))).rejects.toMatchObject({
      code: "subscription_type_not_found",
      status: 400,
    });
    await expect(
      saveFamilyType(db(), copyType("fam_d", { childTypeCode: "no_such_type" })),
    ).rejects.toMatchObject({
      code: "subscription_type_not_found",
    });
    await expect(saveFamilyType(db(), { ...copyType("fam_d"), id: 999_999 })).rejects.toMatchObject(
      { code: "family_type_not_found", status: 404 },
    );
    expect(
      await db()
        .select()
        .from(familySubscriptionTypes)
        .where(eq(familySubscriptionTypes.masterSubscriptionTypeId, typeIds.fam_d!)),
    ).toEqual([]);
  });

  it("validates the method's field, the child type, count and gap", async () => {
    const refused: [string, Partial<FamilyTypeInput>][] = [
      ["childTypeCode", { childTypeCode: "fam_d" }],
      ["donationDays", { donationMethod: "days" }],
      ["donationDays", { donationMethod: "days", donationDays: 0 }],
      ["donationFixedEnd", { donationMethod: "fixed" }],
      [
        "donationFixedEnd",
        { donationMethod: "fixed", donationFixedEnd: new Date(now().getTime() - DAY_MS) },
      ],
      ["count", { count: 1001 }],
      ["count", { count: -1 }],
      ["renewalGapDays", { renewalGapDays: -1 }],
    ];
    for (const [field, change] of refused) {
      const failure = await saveFamilyType(db(), copyType("fam_d", change)).then(
        () => null,
        (error: unknown) => error as { issues?: { path: unknown[] }[] },
      );
      expect(
        failure?.issues?.map((issue) => issue.path[0]),
        JSON.stringify(change),
      ).toContain(field);
    }
    const fixedEnd = new Date(now().getTime() + 30 * DAY_MS);
    const fixed = await saveFamilyType(
      db(),
      copyType("fam_d", { donationMethod: "fixed", donationFixedEnd: fixedEnd, donationDays: 9 }),
    );
    expect(fixed).toMatchObject({
      donationMethod: "fixed",
      donationFixedEnd: fixedEnd,
      donationDays: null,
    });
  });

  it("reads the admin form: blank child type is customizable, hidden method fields are absent, checkboxes", () => {
    const parsed = familyTypeFormSchema.parse({
      masterTypeCode: "fam_x",
      childTypeCode: "",
      donationMethod: "days",
      donationDays: "45",
      count: "0",
      renewalGapDays: "2",
      isPaid: "on",
    });
    expect(parsed).toMatchObject({
      childTypeCode: null,
      donationDays: 45,
      count: 0,
      renewalGapDays: 2,
      isPaid: true,
      allowSelfUse: false,
    });
    const missing = familyTypeFormSchema.safeParse({
      masterTypeCode: "fam_x",
      childTypeCode: "",
      donationMethod: "fixed",
      count: "3",
      renewalGapDays: "0",
    });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((issue) => issue.path[0])).toEqual(["donationFixedEnd"]);
  });
});

describe("deleting family types", () => {
  it("refuses while running master subscriptions hold open codes (409 family_type_in_use), allows it once they ended", async () => {
    const type = await saveFamilyType(db(), copyType("fam_e"));
    const { subscription, requests } = await masterWithCodes("fam_e");
    expect(requests).toHaveLength(3);
    await expect(deleteFamilyType(db(), { familyTypeId: type.id })).rejects.toMatchObject({
      code: "family_type_in_use",
      status: 409,
    });
    // Moving the family type to another master type would orphan those codes too.
    await expect(saveFamilyType(db(), { ...copyType("fam_f"), id: type.id })).rejects.toMatchObject(
      { code: "family_type_in_use" },
    );

    freezeClock(new Date(subscription.endAt.getTime() + DAY_MS));
    await deleteFamilyType(db(), { familyTypeId: type.id });
    expect(
      await db()
        .select()
        .from(familySubscriptionTypes)
        .where(eq(familySubscriptionTypes.id, type.id)),
    ).toEqual([]);
    // The codes are the subscription's history: they stay.
    expect(
      await db()
        .select()
        .from(familyRequests)
        .where(eq(familyRequests.masterSubscriptionId, subscription.id)),
    ).toHaveLength(3);
    await expect(deleteFamilyType(db(), { familyTypeId: type.id })).rejects.toMatchObject({
      code: "family_type_not_found",
      status: 404,
    });
  });
});

describe("family requests in the admin", () => {
  it("filters by status, master (id or part of the email) and child type, and flags expired codes", async () => {
    await saveFamilyType(db(), copyType("fam_g"));
    const alice = await masterWithCodes("fam_g", "alice");
    // Bob's subscription has ended: his open codes are expired.
    const bob = await masterWithCodes("fam_g", "bob", {
      startAt: new Date(now().getTime() - 400 * DAY_MS),
      endAt: new Date(now().getTime() - DAY_MS),
    });
    const friend = await newUser("friend");
    const used = alice.requests[0]!;
    await activateFamilyCodeByEmail(db(), {
      code: used.code,
      email: friend.email.toUpperCase(),
      actor: admin,
    });

    const ofAlice = await listFamilyRequests(db(), {
      masterUserId: alice.master.id,
      limit: 50,
      offset: 0,
    });
    expect(ofAlice.total).toBe(3);
    expect(
      ofAlice.rows.every(
        (row) => row.masterEmail === alice.master.email && row.subscriptionTypeCode === "web_y",
      ),
    ).toBe(true);
    const accepted = await listFamilyRequests(db(), {
      masterUserId: alice.master.id,
      status: "accepted",
      limit: 50,
      offset: 0,
    });
    expect(accepted.rows).toMatchObject([
      { code: used.code, childUserId: friend.id, childEmail: friend.email, expired: false },
    ]);
    expect(accepted.rows[0]?.masterSubscriptionEndAt).toEqual(alice.subscription.endAt);

    const byEmail = await listFamilyRequests(db(), {
      masterEmail: bob.master.email.slice(0, -3).toUpperCase(),
      limit: 2,
      offset: 0,
    });
    expect(byEmail.total).toBe(3);
    expect(byEmail.rows).toHaveLength(2);
    expect(byEmail.rows.every((row) => row.masterUserId === bob.master.id && row.expired)).toBe(
      true,
    );
    // Wildcards in the search are literal.
    expect((await listFamilyRequests(db(), { masterEmail: "%", limit: 5, offset: 0 })).total).toBe(
      0,
    );

    const webChildren = await listFamilyRequests(db(), {
      subscriptionTypeId: typeIds.web_y,
      status: "created",
      limit: 100,
      offset: 0,
    });
    expect(webChildren.rows.map((row) => row.code)).toEqual(
      expect.arrayContaining([alice.requests[1]!.code, bob.requests[0]!.code]),
    );
    expect(
      (await listFamilyRequests(db(), { subscriptionTypeId: typeIds.print_m, limit: 5, offset: 0 }))
        .total,
    ).toBe(0);
  });

  it("groups a master's codes by master subscription; the admin activates past the rules and releases a child", async () => {
    const { master, subscription, requests } = await masterWithCodes("fam_g");
    const second = await createSubscription(db(), {
      userId: master.id,
      subscriptionTypeId: typeIds.fam_g!,
      startAt: new Date(subscription.endAt.getTime()),
    });
    await generateFamilyRequests(db(), { subscriptionId: second.id });

    // Self-use and a second code from the same master subscription: refused to customers, allowed to an admin.
    await activateFamilyCodeByEmail(db(), {
      code: requests[0]!.code,
      email: master.email,
      actor: admin,
    });
    const activated = await activateFamilyCodeByEmail(db(), {
      code: requests[1]!.code,
      email: master.email,
      actor: admin,
    });
    expect(activated.subscriptionTypeCode).toBe("web_y");
    await expect(
      activateFamilyCodeByEmail(db(), {
        code: requests[1]!.code,
        email: master.email,
        actor: admin,
      }),
    ).rejects.toMatchObject({
      code: "family_request_wrong_status",
      status: 409,
    });
    await expect(
      activateFamilyCodeByEmail(db(), {
        code: requests[2]!.code,
        email: "nobody@family-admin.test",
        actor: admin,
      }),
    ).rejects.toMatchObject({
      code: "user_not_found",
    });

    const groups = await listMasterFamilyGroups(db(), { masterUserId: master.id });
    expect(groups.map((group) => group.masterSubscriptionId)).toEqual([second.id, subscription.id]);
    expect(groups[1]?.requests.map((request) => [request.code, request.status])).toEqual([
      [requests[0]!.code, "accepted"],
      [requests[1]!.code, "accepted"],
      [requests[2]!.code, "created"],
    ]);
    expect(groups[0]?.requests).toHaveLength(3);
    expect(await countUserFamilyRequests(db(), { userId: master.id })).toEqual({
      asMaster: 6,
      asChild: 2,
    });

    const { replacement } = await releaseFamilyChild(db(), {
      requestId: requests[0]!.id,
      actor: admin,
    });
    expect(replacement).not.toBeNull();
    const [current] = (await listMasterFamilyGroups(db(), { masterUserId: master.id })).slice(1);
    expect(current?.requests.find((request) => request.id === requests[0]!.id)?.status).toBe(
      "canceled",
    );
    expect(current?.requests.filter((request) => request.status !== "canceled")).toHaveLength(3);
  });
});
