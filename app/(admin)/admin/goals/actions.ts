"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { codeTakenState } from "@/lib/actions/action-state";
import { defineAction } from "@/lib/actions/define-action";
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
      const taken = codeTakenState(error, "goal_exists");
      if (taken) return taken;
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
