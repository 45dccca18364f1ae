"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { isAppError } from "@/lib/errors";
import { idField } from "@/lib/forms/form-fields";
import { completeGoal } from "@/lib/goals/complete-goal";
import { completeGoalByEmail } from "@/lib/goals/complete-goal-by-email";
import { goalCodeSchema } from "@/lib/goals/schemas";
import { emailSchema } from "@/lib/users/schemas";

// From a goal's page the admin names the user by email; from a user's page, by id (a hidden field).
const completeGoalFormSchema = z
  .object({ goalCode: goalCodeSchema, email: emailSchema.optional(), userId: idField.optional() })
  .refine((input) => (input.email === undefined) !== (input.userId === undefined), {
    message: "Name the user by email or by id.",
  });

/** An admin marks a goal completed for a user (source "admin"); completing it again changes nothing. */
export const completeGoalForUserAction = defineAction(
  {
    permission: "automation.write",
    name: "goals.complete-for-user",
    schema: completeGoalFormSchema,
    revalidate: ["/admin/goals", "/admin/users"],
  },
  async ({ goalCode, email, userId }, { db }) => {
    try {
      const { completedNow } =
        email !== undefined
          ? await completeGoalByEmail(db, { goalCode, email, source: "admin" })
          : // The schema requires an email or an id, so userId is set here; 0 would only fail as user_not_found.
            await completeGoal(db, { goalCode, userId: userId ?? 0, source: "admin" });
      return {
        ok: true,
        message: completedNow ? "Goal completed." : "The user had already completed this goal.",
      };
    } catch (error) {
      if (isAppError(error) && error.code === "user_not_found" && email !== undefined) {
        return {
          ok: false,
          error: error.code,
          message: error.message,
          fieldErrors: { email: ["No user with this email."] },
        };
      }
      throw error;
    }
  },
);
