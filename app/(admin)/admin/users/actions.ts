"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
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
  { role: "admin", schema: createUserFormSchema, revalidate: ["/admin"] },
  async (input, { db }) => {
    const user = await createUser(db, { ...input, source: "admin" });
    redirect(`/admin/users/${user.id}?created=1`);
  },
);

export const changeUserRoleAction = defineAction(
  {
    role: "admin",
    schema: z.object({ userId: idField, role: userRoleSchema }),
    revalidate: ["/admin"],
  },
  async ({ userId, role }, { db }) => {
    const user = await changeUserRole(db, { userId, role });
    return {
      ok: true,
      message: `${user.email} is now ${user.role === "admin" ? "an admin" : "a customer"}.`,
    };
  },
);
