import { afterAll, beforeAll, expect, it } from "vitest";
import { customerActor } from "@/lib/auth/actor";
import { chartWindow } from "@/lib/charts/chart-window";
import { freezeClock, resetClock } from "@/lib/clock";
import { activateFamilyRequest } from "@/lib/family/activate-family-request";
import { getFamilyCodeActivity } from "@/lib/family/admin/get-family-code-activity";
import { createFamilyCustomer, createFamilyMaster, seedFamilyCatalog } from "../family/family-kit";
import { openTestDatabase } from "../../support/test-database";

/*
 * Issue 21, charts: the family admin's chart counts codes issued (a master's purchase generates its seats) and
 * activated per UTC day, by the same grouped counts every activity chart uses (lib/charts/count-per-bucket.ts).
 */

let database: Awaited<ReturnType<typeof openTestDatabase>>;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedFamilyCatalog(database.db);
});
afterAll(async () => {
  resetClock();
  await database.close();
});

it("counts codes issued and activated per day, empty days zero", async () => {
  const db = database.db;
  freezeClock(new Date("2026-03-02T23:30:00.000Z"));
  const master = await createFamilyMaster(db); // 3 codes issued on 2 March
  freezeClock(new Date("2026-03-03T00:15:00.000Z"));
  const friend = await createFamilyCustomer(db, "friend");
  await activateFamilyRequest(db, {
    code: master.requests[0]!.code,
    actor: customerActor(friend.user.id),
  });
  freezeClock(new Date("2026-03-05T09:00:00.000Z"));
  const other = await createFamilyCustomer(db, "friend");
  await activateFamilyRequest(db, {
    code: master.requests[1]!.code,
    actor: customerActor(other.user.id),
  });

  const points = await getFamilyCodeActivity(db, chartWindow(new Date("2026-03-06T12:00:00Z"), 30));
  expect(points).toHaveLength(30);
  expect(points.filter((point) => point.issued > 0 || point.activated > 0)).toEqual([
    { date: "2026-03-02", issued: 3, activated: 0 },
    { date: "2026-03-03", issued: 0, activated: 1 },
    { date: "2026-03-05", issued: 0, activated: 1 },
  ]);
  // Before the codes were issued nothing counts; the window's first day is 5 Feb.
  expect(points[0]).toEqual({ date: "2026-02-05", issued: 0, activated: 0 });
});
