import "server-only";
import type { Db } from "@/lib/db";
import type { PreviewUserOption } from "@/lib/email/email-preview-types";
import { findUser } from "@/lib/users/find-user";
import { listUsers } from "@/lib/users/list-users";

/** The preview's user choices: recent users, with the given user (the admin) first and always present. */
export async function previewUserOptions(
  db: Db,
  firstUserId: number,
): Promise<PreviewUserOption[]> {
  const [{ rows }, first] = await Promise.all([
    listUsers(db, { limit: 20, offset: 0 }),
    findUser(db, firstUserId),
  ]);
  const options = rows.map(({ id, email, name }) => ({ id, email, name }));
  const rest = options.filter((option) => option.id !== firstUserId);
  return first ? [{ id: first.id, email: first.email, name: first.name }, ...rest] : rest;
}
