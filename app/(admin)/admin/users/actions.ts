"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { forbidden } from "@/lib/auth/forbidden";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { idField, optionalText } from "@/lib/forms/form-fields";
import { changeUserRole } from "@/lib/users/change-user-role";
import { createUser } from "@/lib/users/create-user";
import { emailSchema, passwordSchema, userRoleSchema } from "@/lib/users/schemas";

const createUserFormSchema = z.object({
  email: emailSchema,
  name: optionalText(200),
  password: z.preprocess((value) => (value === "" ? undefined : value), passwordSchema.optional()),
  role: userRoleSchema,
});

export const createUserAction = defineAction(
  {
    permission: "customers.write",
    name: "users.create",
    schema: createUserFormSchema,
    revalidate: ["/admin"],
  },
  async (input, { db, user: staff }) => {
    // Customers are support's to create; a staff account is a role grant, which only staff.manage may make.
    if (input.role !== "customer" && !can(staff.role, "staff.manage"))
      throw forbidden(staff.role, "staff.manage");
    const user = await createUser(db, { ...input, source: "admin" });
    redirect(`/admin/users/${user.id}?created=1`);
  },
);

export const changeUserRoleAction = defineAction(
  {
    permission: "staff.manage",
    name: "users.change-role",
    schema: z.object({ userId: idField, role: userRoleSchema }),
    revalidate: ["/admin"],
  },
  async ({ userId, role }, { db, user: staff }) => {
    const { user, changed } = await changeUserRole(db, { userId, role, actorUserId: staff.id });
    return {
      ok: true,
      message: changed
        ? `${user.email} is now ${ROLE_LABELS[user.role]}; they were signed out everywhere and sign in again with it.`
        : `${user.email} already is ${ROLE_LABELS[user.role]}.`,
    };
  },
);
