import { Badge } from "@/components/ui/badge";
import { isStaff, ROLE_LABELS } from "@/lib/auth/permissions";
import type { UserRole } from "@/lib/db/schema/users";

/** A user's role; staff roles stand out from customers. */
export function RoleBadge({ role }: { role: UserRole }) {
  return (
    <Badge tone={isStaff(role) ? "violet" : "gray"} data-testid="role-badge">
      {ROLE_LABELS[role]}
    </Badge>
  );
}
