"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { idField } from "@/lib/forms/form-fields";
import { createScenario } from "@/lib/scenarios/admin/create-scenario";
import { deleteScenario } from "@/lib/scenarios/admin/delete-scenario";
import { disableScenario } from "@/lib/scenarios/admin/disable-scenario";
import { duplicateScenario } from "@/lib/scenarios/admin/duplicate-scenario";
import { enableScenario } from "@/lib/scenarios/admin/enable-scenario";
import { restoreScenario } from "@/lib/scenarios/admin/restore-scenario";
import { scenarioSettingsFormSchema } from "@/lib/scenarios/schemas";

/** Actions of the scenarios list (and the status buttons of a scenario's page): each checks automation.write itself. */

const byId = z.object({ id: idField });
const revalidate = ["/admin/scenarios"];

export const createScenarioAction = defineAction(
  {
    permission: "automation.write",
    name: "scenarios.create",
    schema: scenarioSettingsFormSchema,
    revalidate,
  },
  async (input, { db }) => {
    const scenario = await createScenario(db, input);
    redirect(`/admin/scenarios/${scenario.id}`);
  },
);

export const enableScenarioAction = defineAction(
  { permission: "automation.write", name: "scenarios.enable", schema: byId, revalidate },
  async ({ id }, { db }) => {
    await enableScenario(db, { scenarioId: id });
    return { ok: true as const, message: "Enabled." };
  },
);

export const disableScenarioAction = defineAction(
  { permission: "automation.write", name: "scenarios.disable", schema: byId, revalidate },
  async ({ id }, { db }) => {
    await disableScenario(db, { scenarioId: id });
    return { ok: true as const, message: "Disabled." };
  },
);

export const duplicateScenarioAction = defineAction(
  { permission: "automation.write", name: "scenarios.duplicate", schema: byId, revalidate },
  async ({ id }, { db }) => {
    const copy = await duplicateScenario(db, { scenarioId: id });
    redirect(`/admin/scenarios/${copy.id}`);
  },
);

export const deleteScenarioAction = defineAction(
  { permission: "automation.write", name: "scenarios.delete", schema: byId, revalidate },
  async ({ id }, { db }) => {
    await deleteScenario(db, { scenarioId: id });
    return { ok: true as const, message: "Deleted." };
  },
);

export const restoreScenarioAction = defineAction(
  { permission: "automation.write", name: "scenarios.restore", schema: byId, revalidate },
  async ({ id }, { db }) => {
    await restoreScenario(db, { scenarioId: id });
    return { ok: true as const, message: "Restored (disabled)." };
  },
);
