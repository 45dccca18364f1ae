import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceClock, freezeClock, resetClock } from "@/lib/clock";
import { countSegmentUsers } from "@/lib/segments/count-segment-users";
import { countSegmentsUsers } from "@/lib/segments/count-segments-users";
import { deleteSegment } from "@/lib/segments/delete-segment";
import { findSegmentByCode } from "@/lib/segments/find-segment";
import { isUserInSegment } from "@/lib/segments/is-user-in-segment";
import { listSegments } from "@/lib/segments/list-segments";
import { listSegmentUsers } from "@/lib/segments/list-segment-users";
import { saveSegment } from "@/lib/segments/save-segment";
import type { SegmentLeafRule, SegmentRules } from "@/lib/segments/segment-rules";
import { openTestDatabase } from "../../support/test-database";
import { createSegmentWorld, NOW, type SegmentWorld } from "./segment-world";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let world: SegmentWorld;
beforeAll(async () => {
  freezeClock(NOW);
  database = await openTestDatabase();
  world = await createSegmentWorld(database.db);
});
afterAll(async () => {
  resetClock();
  await database.close();
});

type Person = "alice" | "bob" | "carol";
const PEOPLE: Person[] = ["alice", "bob", "carol"];

/** Which of the three people the rules select (other users in this file's database are ignored). */
async function selected(rules: SegmentRules): Promise<Person[]> {
  const members = await listSegmentUsers(database.db, { target: { rules }, pageSize: 200 });
  const ids = new Set(members.map((member) => member.id));
  return PEOPLE.filter((person) => ids.has(world[person].id));
}

const only = (rule: SegmentLeafRule): SegmentRules => ({ match: "all", rules: [rule] });

/** Every field both ways: each rule selects some of the three people and leaves out the others. */
const LEAF_CASES: [string, SegmentLeafRule, Person[]][] = [
  ["email is (any case)", { field: "email", operator: "is", value: "ALICE@acme.test" }, ["alice"]],
  [
    "email is not",
    { field: "email", operator: "is_not", value: "alice@acme.test" },
    ["bob", "carol"],
  ],
  ["email contains", { field: "email", operator: "contains", value: "ice@" }, ["alice"]],
  [
    "email contains a LIKE wildcard literally",
    { field: "email", operator: "contains", value: "%" },
    [],
  ],
  [
    "email contains an injection attempt as text",
    { field: "email", operator: "contains", value: "' or 1=1 --" },
    [],
  ],
  ["email ends with", { field: "email", operator: "ends_with", value: "@Other.test" }, ["bob"]],
  ["name is", { field: "name", operator: "is", value: "alice smith" }, ["alice"]],
  ["name contains", { field: "name", operator: "contains", value: "ar" }, ["carol"]],
  ["name is empty", { field: "name", operator: "is_empty" }, ["bob"]],
  ["name is not empty", { field: "name", operator: "is_not_empty" }, ["alice", "carol"]],
  ["role is admin", { field: "role", operator: "is", value: "admin" }, ["bob"]],
  ["role is customer", { field: "role", operator: "is", value: "customer" }, ["alice", "carol"]],
  [
    "email domain is (any case)",
    { field: "email_domain", operator: "is", value: "ACME.test" },
    ["alice", "carol"],
  ],
  [
    "email domain is not",
    { field: "email_domain", operator: "is_not", value: "acme.test" },
    ["bob"],
  ],
  [
    "registered before a date",
    { field: "registered", operator: "before", date: "2026-02-01" },
    ["bob", "carol"],
  ],
  [
    "registered after a timestamp",
    { field: "registered", operator: "after", date: "2026-06-01T00:00:00Z" },
    ["alice"],
  ],
  [
    "registered within 7 days",
    { field: "registered", operator: "within_days", days: 7 },
    ["alice"],
  ],
  [
    "registered more than 30 days ago",
    { field: "registered", operator: "more_than_days_ago", days: 30 },
    ["bob", "carol"],
  ],
  ["has an actual subscription", { field: "subscription", operator: "has" }, ["alice", "carol"]],
  [
    "has no actual subscription (ended and future do not count)",
    { field: "subscription", operator: "has_not" },
    ["bob"],
  ],
  [
    "has one with content access print",
    { field: "subscription", operator: "has", content_access: "print" },
    ["carol"],
  ],
  [
    "has none with content access print",
    { field: "subscription", operator: "has_not", content_access: "print" },
    ["alice", "bob"],
  ],
  [
    "has one of type web_month",
    { field: "subscription", operator: "has", subscription_type: "web_month" },
    ["alice"],
  ],
  [
    "has one of type web_year (bob's starts later)",
    { field: "subscription", operator: "has", subscription_type: "web_year" },
    [],
  ],
  [
    "has one with web of type web_print_month",
    {
      field: "subscription",
      operator: "has",
      content_access: "web",
      subscription_type: "web_print_month",
    },
    ["carol"],
  ],
  ["paid payments ≥ 2", { field: "paid_payments_count", operator: "gte", value: 2 }, ["carol"]],
  [
    "paid payments = 0 (failed, refunded, unpaid do not count)",
    { field: "paid_payments_count", operator: "eq", value: 0 },
    ["bob"],
  ],
  [
    "paid payments < 2",
    { field: "paid_payments_count", operator: "lt", value: 2 },
    ["alice", "bob"],
  ],
  [
    "paid payments > 0",
    { field: "paid_payments_count", operator: "gt", value: 0 },
    ["alice", "carol"],
  ],
  [
    "paid payments ≤ 1",
    { field: "paid_payments_count", operator: "lte", value: 1 },
    ["alice", "bob"],
  ],
  [
    "paid sum = 30.00 (the refund is not counted)",
    { field: "paid_payments_sum", operator: "eq", value: 3000 },
    ["carol"],
  ],
  ["paid sum < 5.00", { field: "paid_payments_sum", operator: "lt", value: 500 }, ["alice", "bob"]],
  [
    "paid sum ≥ 4.99",
    { field: "paid_payments_sum", operator: "gte", value: 499 },
    ["alice", "carol"],
  ],
];

describe("segment rules", () => {
  it.each(LEAF_CASES)("%s", async (_name, rule, expected) => {
    expect(await selected(only(rule))).toEqual(expected);
  });

  it("combines with all vs any, and treats an empty list as everyone / nobody", async () => {
    const domain: SegmentLeafRule = { field: "email_domain", operator: "is", value: "acme.test" };
    const admin: SegmentLeafRule = { field: "role", operator: "is", value: "admin" };
    expect(await selected({ match: "all", rules: [domain, admin] })).toEqual([]);
    expect(await selected({ match: "any", rules: [domain, admin] })).toEqual(PEOPLE);
    expect(await selected({ match: "all", rules: [] })).toEqual(PEOPLE);
    expect(await selected({ match: "any", rules: [] })).toEqual([]);
  });

  it("evaluates a nested group inside the outer match", async () => {
    const rules: SegmentRules = {
      match: "all",
      rules: [
        { field: "email_domain", operator: "is", value: "acme.test" },
        {
          field: "group",
          match: "any",
          rules: [
            { field: "name", operator: "is_empty" },
            { field: "paid_payments_count", operator: "gte", value: 2 },
          ],
        },
      ],
    };
    expect(await selected(rules)).toEqual(["carol"]);
    expect(
      await selected({
        match: "any",
        rules: [
          { ...rules.rules[1]!, field: "group", match: "all" } as SegmentRules["rules"][number],
        ],
      }),
    ).toEqual([]);
  });

  it("counts exactly the users it lists", async () => {
    for (const rules of [
      only({ field: "subscription", operator: "has" }),
      { match: "all", rules: [] } satisfies SegmentRules,
    ]) {
      const count = await countSegmentUsers(database.db, { rules });
      const listed = await listSegmentUsers(database.db, { target: { rules }, pageSize: 200 });
      expect(count).toBe(listed.length);
      expect(count).toBeGreaterThan(0);
    }
  });

  it("counts a subscription once it starts and not after it ends", async () => {
    const rule = only({ field: "subscription", operator: "has", subscription_type: "web_year" });
    expect(await selected(rule)).toEqual([]);
    // 31 days on: bob's web_year (from day 16) runs, carol's web_print_month (day -1 to 30) has ended.
    advanceClock(31 * 86_400_000);
    try {
      expect(await selected(rule)).toEqual(["bob"]);
      expect(
        await selected(only({ field: "subscription", operator: "has", content_access: "print" })),
      ).toEqual([]);
    } finally {
      freezeClock(NOW);
    }
  });
});

describe("segment membership and services", () => {
  it("saves segments, resolves membership of another segment, and answers isUserInSegment", async () => {
    const acme = await saveSegment(database.db, {
      code: "acme",
      name: "Acme",
      rules: only({ field: "email_domain", operator: "is", value: "acme.test" }),
    });
    await saveSegment(database.db, {
      code: "acme-payers",
      name: "Acme payers",
      rules: {
        match: "all",
        rules: [
          { field: "segment", operator: "in", value: "acme" },
          { field: "paid_payments_sum", operator: "gt", value: 0 },
        ],
      },
    });
    expect(await selected(only({ field: "segment", operator: "in", value: "acme" }))).toEqual([
      "alice",
      "carol",
    ]);
    expect(await selected(only({ field: "segment", operator: "not_in", value: "acme" }))).toEqual([
      "bob",
    ]);
    expect(
      await isUserInSegment(database.db, { segmentCode: "acme-payers", userId: world.carol.id }),
    ).toBe(true);
    expect(
      await isUserInSegment(database.db, { segmentCode: "acme-payers", userId: world.bob.id }),
    ).toBe(false);
    await expect(
      isUserInSegment(database.db, { segmentCode: "nope", userId: world.bob.id }),
    ).rejects.toMatchObject({ code: "segment_not_found" });

    const saved = await countSegmentUsers(database.db, { segmentId: acme.id });
    expect(saved).toBe(await countSegmentUsers(database.db, { rules: acme.rules }));
    expect(saved).toBeGreaterThanOrEqual(2);
  });

  it("refuses cycles, unknown references, duplicate codes and renaming or deleting a segment in use", async () => {
    const a = await saveSegment(database.db, {
      code: "cy-a",
      name: "A",
      rules: { match: "all", rules: [] },
    });
    await saveSegment(database.db, {
      code: "cy-b",
      name: "B",
      rules: only({ field: "segment", operator: "in", value: "cy-a" }),
    });
    const loop = only({ field: "segment", operator: "not_in", value: "cy-b" });
    await expect(
      saveSegment(database.db, { id: a.id, code: "cy-a", name: "A", rules: loop }),
    ).rejects.toMatchObject({ code: "segment_cycle" });
    await expect(
      countSegmentUsers(database.db, { rules: loop, code: "cy-a" }),
    ).rejects.toMatchObject({ code: "segment_cycle" });
    const self = only({ field: "segment", operator: "in", value: "cy-c" });
    await expect(
      saveSegment(database.db, { code: "cy-c", name: "C", rules: self }),
    ).rejects.toMatchObject({ code: "segment_cycle" });
    await expect(
      saveSegment(database.db, {
        code: "cy-d",
        name: "D",
        rules: only({ field: "segment", operator: "in", value: "ghost" }),
      }),
    ).rejects.toMatchObject({
      code: "segment_not_found",
    });
    await expect(
      saveSegment(database.db, {
        code: "cy-e",
        name: "E",
        rules: only({ field: "subscription", operator: "has", content_access: "ghost" }),
      }),
    ).rejects.toMatchObject({ code: "content_access_not_found" });
    await expect(
      saveSegment(database.db, { code: "cy-b", name: "Again", rules: { match: "all", rules: [] } }),
    ).rejects.toMatchObject({
      code: "segment_exists",
      status: 409,
    });
    await expect(
      saveSegment(database.db, { id: a.id, code: "cy-renamed", name: "A", rules: a.rules }),
    ).rejects.toMatchObject({ code: "segment_in_use" });
    await expect(deleteSegment(database.db, { id: a.id })).rejects.toMatchObject({
      code: "segment_in_use",
      status: 409,
    });
    expect((await findSegmentByCode(database.db, "cy-a")).rules).toEqual({
      match: "all",
      rules: [],
    });

    await deleteSegment(database.db, { id: (await findSegmentByCode(database.db, "cy-b")).id });
    await deleteSegment(database.db, { id: a.id });
    await expect(findSegmentByCode(database.db, "cy-a")).rejects.toMatchObject({
      code: "segment_not_found",
    });
  });

  it("counts every saved segment in one pass, each as counted alone", async () => {
    const all = await listSegments(database.db);
    expect(all.length).toBeGreaterThan(1);
    const together = await countSegmentsUsers(database.db, all);
    for (const segment of all) {
      expect(together.get(segment.id)).toBe(
        await countSegmentUsers(database.db, { segmentId: segment.id }),
      );
    }
  });
});
