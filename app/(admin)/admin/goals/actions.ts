"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { isAppError } from "@/lib/errors";
import { idField } from "@/lib/forms/form-fields";
import { deleteGoal } from "@/lib/goals/delete-goal";
import { goalInputSchema } from "@/lib/goals/schemas";
import { saveGoal } from "@/lib/goals/save-goal";

const goalFormSchema = goalInputSchema.extend({
  id: z.preprocess((value) => (value === "" ? undefined : value), idField.optional()),
});

export const saveGoalAction = defineAction(
  {
    permission: "automation.write",
    name: "goals.save",
    schema: goalFormSchema,
    revalidate: ["/admin/goals"],
  },
  async ({ id, ...input }, { db }) => {
    try {
      await saveGoal(db, { ...input, id });
    } catch (error) {
      if (isAppError(error) && error.code === "goal_exists") {
        return {
          ok: false,
          error: error.code,
          message: error.message,
          fieldErrors: { code: ["This code is taken."] },
        };
      }
      throw error;
    }
    redirect(`/admin/goals?saved=${encodeURIComponent(input.code)}`);
  },
);

export const deleteGoalAction = defineAction(
  {
    permission: "automation.write",
    name: "goals.delete",
    schema: z.object({ goalId: idField }),
    revalidate: ["/admin/goals"],
  },
  async ({ goalId }, { db }) => {
    await deleteGoal(db, { goalId });
    redirect("/admin/goals?deleted=1");
  },
);
