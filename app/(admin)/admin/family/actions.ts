"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { adminActor } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors";
import { activateFamilyCodeByEmail } from "@/lib/family/admin/activate-family-code-by-email";
import { deleteFamilyType } from "@/lib/family/admin/delete-family-type";
import { releaseFamilyChild } from "@/lib/family/release-family-child";
import { saveFamilyType } from "@/lib/family/admin/save-family-type";
import { familyTypeFormSchema } from "@/lib/family/schemas";
import { idField } from "@/lib/forms/form-fields";
import { emailSchema } from "@/lib/users/schemas";

// Which form field an error of the service belongs to, so the form highlights it.
const FIELD_OF_ERROR: Record<string, string> = {
  family_type_exists: "masterTypeCode",
  family_type_in_use: "masterTypeCode",
};

export const saveFamilyTypeAction = defineAction(
  {
    permission: "catalog.write",
    name: "family-types.save",
    schema: familyTypeFormSchema,
    revalidate: ["/admin/family"],
  },
  async ({ id, ...input }, { db }) => {
    try {
      await saveFamilyType(db, { ...input, id });
    } catch (error) {
      const field = isAppError(error) ? FIELD_OF_ERROR[error.code] : undefined;
      if (isAppError(error) && field) {
        return {
          ok: false,
          error: error.code,
          message: error.message,
          fieldErrors: { [field]: [error.message] },
        };
      }
      throw error;
    }
    redirect(`/admin/family?saved=${encodeURIComponent(input.masterTypeCode)}`);
  },
);

export const deleteFamilyTypeAction = defineAction(
  {
    permission: "catalog.write",
    name: "family-types.delete",
    schema: z.object({ familyTypeId: idField }),
    revalidate: ["/admin/family"],
  },
  async ({ familyTypeId }, { db }) => {
    await deleteFamilyType(db, { familyTypeId });
    redirect("/admin/family?deleted=1");
  },
);

export const releaseFamilyChildAction = defineAction(
  {
    permission: "customers.write",
    name: "family.release-child",
    schema: z.object({ requestId: idField }),
    revalidate: ["/admin/family", "/admin/users"],
  },
  async ({ requestId }, { db, user }) => {
    const { replacement } = await releaseFamilyChild(db, { requestId, actor: adminActor(user.id) });
    return {
      ok: true,
      message: replacement ? "Child released; a replacement code was issued." : "Child released.",
    };
  },
);

const activateFormSchema = z.object({
  code: z.string().trim().min(1, { message: "Enter the code." }).max(64),
  email: emailSchema,
});

/** An admin activates a code for a user, skipping the one-per-user and self-use checks. */
export const activateFamilyCodeAction = defineAction(
  {
    permission: "customers.write",
    name: "family.activate-code",
    schema: activateFormSchema,
    revalidate: ["/admin/family", "/admin/users"],
  },
  async ({ code, email }, { db, user }) => {
    try {
      const { subscriptionTypeCode } = await activateFamilyCodeByEmail(db, {
        code,
        email,
        actor: adminActor(user.id),
      });
      return {
        ok: true,
        message: `Activated: ${email} got a ${subscriptionTypeCode} subscription.`,
      };
    } catch (error) {
      if (isAppError(error) && error.code === "user_not_found") {
        return {
          ok: false,
          error: error.code,
          message: error.message,
          fieldErrors: { email: ["No user with this email."] },
        };
      }
      if (isAppError(error) && error.code.startsWith("family_request_")) {
        return {
          ok: false,
          error: error.code,
          message: error.message,
          fieldErrors: { code: [error.message] },
        };
      }
      throw error;
    }
  },
);
