import { STAFF_ROLES, USER_ROLES } from "@/lib/auth/permissions";
import type { UserRole } from "@/lib/db/schema/users";

/** The users list's role filter: one role, or `staff` for every role but customer. UI-safe. */
export const USER_ROLE_FILTERS = ["staff", ...USER_ROLES] as const;
export type UserRoleFilter = (typeof USER_ROLE_FILTERS)[number];

/** The roles a role filter lists (undefined: every role). */
export function rolesOfFilter(filter: UserRoleFilter | undefined): readonly UserRole[] | undefined {
  if (filter === undefined) return undefined;
  return filter === "staff" ? STAFF_ROLES : [filter];
}
