import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ADMIN_AREAS } from "@/components/admin/admin-areas";
import { API_SCOPES, roleAllowsScope } from "@/lib/api-tokens/api-scopes";
import { forbidden } from "@/lib/auth/forbidden";
import {
  can,
  isStaff,
  PERMISSION_NAMES,
  STAFF_ROLES,
  USER_ROLES,
  type Permission,
} from "@/lib/auth/permissions";
import { userRole, type UserRole } from "@/lib/db/schema/users";

/* The role → permission table, written out here a second time: a change to lib/auth/permissions.ts shows up as a
 * failing row, to be changed on purpose. */

const MATRIX: Record<Permission, UserRole[]> = {
  "dashboard.read": ["owner", "admin", "marketer", "support", "viewer"],
  "customers.read": ["owner", "admin", "marketer", "support", "viewer"],
  "customers.write": ["owner", "admin", "support"],
  "billing.read": ["owner", "admin", "support", "viewer"],
  "billing.write": ["owner", "admin", "support"],
  "automation.read": ["owner", "admin", "marketer", "support", "viewer"],
  "automation.write": ["owner", "admin", "marketer"],
  "catalog.read": ["owner", "admin", "marketer", "support", "viewer"],
  "catalog.write": ["owner", "admin"],
  "audit.read": ["owner", "admin"],
  dev: ["owner", "admin"],
  "staff.manage": ["owner"],
};

describe("the permission table", () => {
  it("names the same roles as the user_role enum", () => {
    expect([...USER_ROLES]).toEqual(userRole.enumValues);
    expect(STAFF_ROLES).toEqual(["owner", "admin", "marketer", "support", "viewer"]);
    expect(Object.keys(MATRIX).sort()).toEqual([...PERMISSION_NAMES].sort());
  });

  const cells = PERMISSION_NAMES.flatMap((permission) =>
    USER_ROLES.map((role) => ({ permission, role, allowed: MATRIX[permission].includes(role) })),
  );
  it.each(cells)("$role: $permission is $allowed", ({ permission, role, allowed }) => {
    expect(can(role, permission)).toBe(allowed);
  });

  it("counts every role but customer as staff, and nothing unknown", () => {
    for (const role of USER_ROLES) expect(isStaff(role)).toBe(role !== "customer");
    expect(isStaff(undefined)).toBe(false);
  });

  it("gives every read to a role that may write the same area", () => {
    for (const role of USER_ROLES) {
      for (const permission of PERMISSION_NAMES.filter((name) => name.endsWith(".write"))) {
        if (can(role, permission))
          expect(can(role, permission.replace(".write", ".read") as Permission)).toBe(true);
      }
    }
  });
});

describe("refusals", () => {
  it("tell staff what their role lacks and who can change it, and a customer that it is for staff", () => {
    const refusal = forbidden("marketer", "billing.write");
    expect(refusal).toMatchObject({ code: "forbidden", status: 403 });
    expect(refusal.message).toBe(
      "Your role, Marketer, may not create, mark paid and refund payments, and stop recurrent payments. An owner can change your role.",
    );
    expect(forbidden("customer", "customers.read").message).toBe("Only staff can do this.");
  });
});

describe("API scopes", () => {
  it("each need permissions that exist", () => {
    for (const { permissions } of API_SCOPES) {
      expect(permissions.length).toBeGreaterThan(0);
      for (const permission of permissions) expect(PERMISSION_NAMES).toContain(permission);
    }
  });

  it("are all within an owner's role, none within a customer's, and an unknown scope is nobody's", () => {
    for (const { scope } of API_SCOPES) {
      expect(roleAllowsScope("owner", scope)).toBe(true);
      expect(roleAllowsScope("customer", scope)).toBe(false);
    }
    expect(roleAllowsScope("owner", "everything")).toBe(false);
  });

  const everyScope = API_SCOPES.map(({ scope }) => scope);
  it.each([
    { role: "admin", granted: everyScope },
    {
      role: "marketer",
      granted: [
        "users:read",
        "subscriptions:read",
        "automation:read",
        "referrals:read",
        "events:write",
        "segments",
        "banners",
        "goals",
        "scenarios",
        "email",
        "email:topics",
        "email:templates",
        "email:delivery",
      ],
    },
    {
      role: "support",
      granted: [
        "users:read",
        "users:write",
        "subscriptions:read",
        "payments:read",
        "payments:write",
        "automation:read",
        "referrals:read",
      ],
    },
    {
      role: "viewer",
      granted: [
        "users:read",
        "subscriptions:read",
        "payments:read",
        "automation:read",
        "referrals:read",
      ],
    },
  ] as const)("a $role grants exactly its scopes", ({ role, granted }) => {
    expect(everyScope.filter((scope) => roleAllowsScope(role, scope)).sort()).toEqual(
      [...granted].sort(),
    );
  });
});

/** Every file under a directory whose name is `name`. */
function filesNamed(directory: string, name: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name === name)
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe("the admin's doors", () => {
  const adminDirectory = path.resolve(import.meta.dirname, "../../../app/(admin)/admin");

  it("every admin page checks its own permission", () => {
    const pages = filesNamed(adminDirectory, "page.tsx");
    expect(pages.length).toBeGreaterThan(40);
    for (const page of pages) {
      expect(readFileSync(page, "utf8"), page).toMatch(
        /require(Staff|Scenario)Page\([^;]*, "[a-z.]+"\)/,
      );
    }
  });

  it("every staff server action declares a permission and an audit name", () => {
    const files = [
      ...filesNamed(adminDirectory, "actions.ts"),
      ...readdirSync(path.resolve(import.meta.dirname, "../../../lib/actions"), {
        recursive: true,
        withFileTypes: true,
      })
        .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
        .map((entry) => path.join(entry.parentPath, entry.name)),
    ];
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      for (const [, spec] of source.matchAll(/defineAction\(\s*\{([^}]*)\}/g)) {
        if (/role: "user"/.test(spec!)) continue;
        expect(spec, file).toMatch(/permission: "[a-z.]+"/);
        expect(spec, file).toMatch(/name: "[a-z-]+\.[a-z-]+"/);
      }
    }
  });

  it("the navigation names a permission for each area that its page needs to open (a read, never a write)", () => {
    for (const area of ADMIN_AREAS) {
      expect(area.permission.endsWith(".write"), area.slug).toBe(false);
    }
  });
});
