import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  addEmailSuppressionAction,
  liftEmailSuppressionAction,
} from "@/lib/actions/email/email-suppression-actions";
import { auditLog, emailSuppressions } from "@/lib/db/schema";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase } from "../../support/test-database";

// The session is not under test here (tests/integration/auth/roles.test.ts is): every call is this staff member's.
const staff = { id: 0, role: "admin", email: "support-lead@example.test" };
vi.mock("@/lib/auth/session", () => ({
  requireStaff: async () => staff,
  requireUser: async () => staff,
}));
// Outside a request: no headers to read, no cache to revalidate.
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;

beforeAll(async () => {
  database = await openTestDatabase();
  staff.id = (await createUser(db(), { email: staff.email })).id;
});
afterAll(() => database.close());

function form(values: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, String(value));
  return data;
}

const auditOf = (id: number) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "email_suppressions"), eq(auditLog.entityId, String(id))))
    .orderBy(asc(auditLog.id));

describe("suppression actions of the user page", () => {
  it("adds a manual suppression and lifts it, naming the staff member in the row and the audit log", async () => {
    const added = await addEmailSuppressionAction(
      null,
      form({ address: "Reader@Example.com", detail: "asked by phone" }),
    );
    expect(added).toMatchObject({ ok: true, message: "Address suppressed." });
    const [row] = await db()
      .select()
      .from(emailSuppressions)
      .where(eq(emailSuppressions.address, "reader@example.com"));
    expect(row).toMatchObject({ reason: "manual", detail: "asked by phone", liftedAt: null });

    const again = await addEmailSuppressionAction(null, form({ address: "reader@example.com" }));
    expect(again).toMatchObject({ ok: false, error: "address_already_suppressed" });

    const lifted = await liftEmailSuppressionAction(null, form({ suppressionId: row!.id }));
    expect(lifted).toMatchObject({ ok: true });
    const [after] = await db()
      .select()
      .from(emailSuppressions)
      .where(eq(emailSuppressions.id, row!.id));
    expect(after).toMatchObject({ liftedBy: staff.id, liftedAt: expect.any(Date) });
    expect(await auditOf(row!.id)).toMatchObject([
      {
        operation: "insert",
        action: "email.add-suppression",
        actorUserId: staff.id,
        actorLabel: staff.email,
      },
      { operation: "update", action: "email.lift-suppression", actorUserId: staff.id },
    ]);

    const twice = await liftEmailSuppressionAction(null, form({ suppressionId: row!.id }));
    expect(twice).toMatchObject({ ok: false, error: "email_suppression_not_found" });
  });

  it("refuses a bad address or id as a form error", async () => {
    expect(await addEmailSuppressionAction(null, form({ address: "nope" }))).toMatchObject({
      ok: false,
      error: "validation_error",
    });
    expect(await liftEmailSuppressionAction(null, form({ suppressionId: "x" }))).toMatchObject({
      ok: false,
      error: "validation_error",
    });
  });
});
