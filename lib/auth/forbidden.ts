import type { UserRole } from "@/lib/db/schema/users";
import { AppError } from "@/lib/errors";
import { isStaff, PERMISSIONS, ROLE_LABELS, type Permission } from "./permissions";

/** The refusal a person gets for something their role does not allow: 403 `forbidden`, saying what and who can help. */
export function forbidden(role: UserRole, permission: Permission): AppError {
  if (!isStaff(role)) return new AppError("forbidden", "Only staff can do this.", 403);
  return new AppError(
    "forbidden",
    `Your role, ${ROLE_LABELS[role]}, may not ${PERMISSIONS[permission]}. An owner can change your role.`,
    403,
  );
}
