import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditFiltersOf, readAuditSearch } from "@/components/admin/audit/audit-search-params";
import { auditChanges, auditValueText } from "@/lib/audit/audit-changes";
import { AUDITED_TABLE_NAMES, entityHref, entityLabel } from "@/lib/audit/audited-tables";
import { actorFilter, auditDateBoundSchema, auditPeriod } from "@/lib/audit/schemas";

/* The pure parts of the audit log: which tables it covers, where an entry links, how a change reads, the filters. */

describe("audited tables", () => {
  it("are exactly the tables the trigger of migration 0007 watches", () => {
    const sql = readFileSync(
      path.resolve(import.meta.dirname, "../../../drizzle/0007_hardening.sql"),
      "utf8",
    );
    const list = /FOREACH audited IN ARRAY ARRAY\[([^\]]+)\]/.exec(sql)?.[1];
    const watched = [...(list ?? "").matchAll(/'([a-z_]+)'/g)].map((match) => match[1]);
    expect(watched.length).toBeGreaterThan(20);
    // Later migrations add the trigger to one table each.
    const drizzle = path.resolve(import.meta.dirname, "../../../drizzle");
    for (const file of readdirSync(drizzle)
      .filter((name) => name.endsWith(".sql"))
      .sort()) {
      const text = readFileSync(path.join(drizzle, file), "utf8");
      for (const match of text.matchAll(
        /CREATE TRIGGER "audit_row_change" AFTER INSERT OR UPDATE OR DELETE ON "([a-z_]+)"/g,
      ))
        watched.push(match[1]);
    }
    expect([...AUDITED_TABLE_NAMES].sort()).toEqual(watched.sort());
  });

  it("link an entry to the admin page of its row, or of what the row belongs to", () => {
    expect(entityHref("users", "7", null)).toBe("/admin/users/7");
    expect(entityHref("scenarios", "3", { name: "x" })).toBe("/admin/scenarios/3");
    expect(entityHref("subscriptions", "12", { user_id: 7 })).toBe("/admin/users/7");
    expect(entityHref("upgrade_options", "4", { upgrade_schema_id: 2 })).toBe("/admin/upgrades/2");
    expect(entityHref("app_settings", "receipts.seller", null)).toBe("/admin/settings/receipts");
    expect(entityHref("app_settings", "outbound.allowed_hosts", null)).toBe(
      "/admin/settings/outbound",
    );
  });

  it("leave an entry unlinked when its page cannot be known", () => {
    // An update logs only changed fields: without the owner's id there is no page to go to.
    expect(entityHref("subscriptions", "12", { end_at: "2026-01-01" })).toBeNull();
    expect(entityHref("subscriptions", "12", { user_id: "7; drop" })).toBeNull();
    expect(entityHref("payment_items", "5", { payment_id: 1 })).toBeNull();
    expect(entityHref("app_settings", "unknown.key", null)).toBeNull();
    expect(entityHref("no_such_table", "1", null)).toBeNull();
    expect(entityHref("users", null, null)).toBeNull();
  });

  it("name every table for people, and an unknown one as it is", () => {
    for (const name of AUDITED_TABLE_NAMES) expect(entityLabel(name)).not.toBe(name);
    expect(entityLabel("mystery")).toBe("mystery");
  });
});

describe("a change as it reads", () => {
  it("an update: each changed field before → after", () => {
    expect(
      auditChanges({
        operation: "update",
        before: { role: "customer", session_version: 0 },
        after: { role: "support", session_version: 1 },
      }),
    ).toEqual([
      { field: "role", before: "customer", after: "support" },
      { field: "session_version", before: "0", after: "1" },
    ]);
  });

  it("an insert: the set fields; a delete: the last values", () => {
    expect(
      auditChanges({ operation: "insert", before: null, after: { id: 3, scopes: ["a"] } }),
    ).toEqual([
      { field: "id", after: "3" },
      { field: "scopes", after: '["a"]' },
    ]);
    expect(auditChanges({ operation: "delete", before: { code: "x" }, after: null })).toEqual([
      { field: "code", before: "x" },
    ]);
  });

  it("values: text as it is, an empty text visibly, null and structures as JSON", () => {
    expect(auditValueText("hello")).toBe("hello");
    expect(auditValueText("")).toBe('""');
    expect(auditValueText(null)).toBe("null");
    expect(auditValueText(false)).toBe("false");
    expect(auditValueText({ a: 1 })).toBe('{"a":1}');
  });
});

describe("filters", () => {
  it("a period of days includes both whole days (UTC)", () => {
    expect(auditPeriod({ from: "2026-03-01", to: "2026-03-02" })).toEqual({
      from: new Date("2026-03-01T00:00:00Z"),
      until: new Date("2026-03-03T00:00:00Z"),
    });
  });

  it("a period of instants includes its end instant", () => {
    expect(auditPeriod({ from: "2026-03-01T10:00:00+02:00", to: "2026-03-01T12:00:00Z" })).toEqual({
      from: new Date("2026-03-01T08:00:00Z"),
      until: new Date("2026-03-01T12:00:00.001Z"),
    });
    expect(auditPeriod({})).toEqual({ from: undefined, until: undefined });
  });

  it("a bound is a day or an instant with its offset, in years both Postgres and JavaScript write alike", () => {
    for (const text of [
      "2026-03-01",
      "2024-02-29",
      "2026-03-01T10:00:00+02:00",
      "2026-03-01T10:00:00Z",
    ])
      expect(auditDateBoundSchema.safeParse(text).success, text).toBe(true);
    for (const text of [
      "2026-02-29",
      "2026-03-01T10:00:00",
      "0000-01-01",
      "9999-12-31",
      "yesterday",
    ])
      expect(auditDateBoundSchema.safeParse(text).success, text).toBe(false);
  });

  it("an actor is user:<id> or token:<id>; anything else filters nothing", () => {
    expect(actorFilter("user:5")).toEqual({ actorUserId: 5 });
    expect(actorFilter("token:12")).toEqual({ actorTokenId: 12 });
    for (const text of [
      "user:0",
      "user:-1",
      "user:1.5",
      "admin:1",
      "user:99999999999",
      "",
      undefined,
    ])
      expect(actorFilter(text)).toEqual({});
  });
});

describe("the audit page's URL", () => {
  it("keeps the filters that parse and drops the rest, so a hand-edited URL shows the log rather than an error", () => {
    expect(
      readAuditSearch({
        actor: "token:4",
        action: " users. ",
        entity_type: "users",
        entity_id: "12",
        related: "1",
        from: "2026-03-01",
        to: "2026-03-31",
      }),
    ).toEqual({
      actor: "token:4",
      action: "users.",
      entity_type: "users",
      entity_id: "12",
      related: "1",
      from: "2026-03-01",
      to: "2026-03-31",
    });
    expect(
      readAuditSearch({
        actor: "staff:1",
        action: "users\u0000",
        entity_type: "passwords",
        entity_id: ["7", "8"],
        related: "1",
        from: "2026-02-30",
        to: "0000-01-01",
      }),
    ).toEqual({
      actor: undefined,
      action: undefined,
      entity_type: undefined,
      entity_id: "7",
      from: undefined,
      to: undefined,
    });
  });

  it("turns into the list's filters", () => {
    expect(
      auditFiltersOf({
        actor: "user:3",
        entity_type: "users",
        entity_id: "12",
        related: "1",
        to: "2026-03-31",
      }),
    ).toEqual({
      actorUserId: 3,
      action: undefined,
      entityType: "users",
      entityId: "12",
      includeRelated: true,
      from: undefined,
      until: new Date("2026-04-01T00:00:00Z"),
    });
  });
});
