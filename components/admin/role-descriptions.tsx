import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/lib/auth/permissions";
import type { UserRole } from "@/lib/db/schema/users";

/** Under a role picker: what each of its roles may do. */
export function RoleDescriptions({ roles }: { roles: readonly UserRole[] }) {
  return (
    <ul className="space-y-0.5 text-xs text-zinc-500" data-testid="role-descriptions">
      {roles.map((role) => (
        <li key={role}>
          <span className="font-medium text-zinc-700">{ROLE_LABELS[role]}</span>:{" "}
          {ROLE_DESCRIPTIONS[role]}
        </li>
      ))}
    </ul>
  );
}
