import { can } from "@/lib/auth/permissions";
import type { UserRole } from "@/lib/db/schema";
import { FAMILY_INVITATION_TEMPLATE_CODE } from "@/lib/family/family-invitation-template";
import { EMAIL_CHANGE_CONFIRM_TEMPLATE_CODE } from "@/lib/users/email-change-confirm-template";
import { PASSWORD_RESET_TEMPLATE_CODE } from "@/lib/users/password-reset-template";

/**
 * Emails whose body carries a secret that acts for its recipient: a password reset link, an email change
 * confirmation link, a family code. Whoever reads one can take over the account or the seat.
 */
const SECRET_BEARING_TEMPLATES: ReadonlySet<string> = new Set([
  PASSWORD_RESET_TEMPLATE_CODE,
  EMAIL_CHANGE_CONFIRM_TEMPLATE_CODE,
  FAMILY_INVITATION_TEMPLATE_CODE,
]);

/**
 * Whether a staff role may read an email's body in the mailbox: any email, for staff who manage staff (they can
 * change anyone's role already); not the secret-bearing ones for the others, who could otherwise ask for an owner's
 * password reset and follow the link.
 */
export function mayReadEmailBody(role: UserRole, templateCode: string | null): boolean {
  return (
    can(role, "staff.manage") ||
    templateCode === null ||
    !SECRET_BEARING_TEMPLATES.has(templateCode)
  );
}

/**
 * Whether a staff role may edit (or delete) the template with this code: a secret-bearing one only for staff who
 * manage staff — anyone else could write its link into an image URL of their own and collect it.
 */
export function mayEditTemplate(role: UserRole, code: string): boolean {
  return can(role, "staff.manage") || !SECRET_BEARING_TEMPLATES.has(code);
}
