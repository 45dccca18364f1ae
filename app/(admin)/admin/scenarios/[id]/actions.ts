"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { idField } from "@/lib/forms/form-fields";
import { saveScenarioDraft } from "@/lib/scenarios/admin/save-scenario-draft";
import { scenarioConversionFormSchema } from "@/lib/scenarios/conversions/conversion-schemas";
import { scenarioSettingsFormSchema } from "@/lib/scenarios/schemas";

/** The scenario's settings form (name, re-entry); the builder's own actions are in lib/actions/scenarios/builder.ts. */

const revalidate = ["/admin/scenarios"];

export const saveScenarioSettingsAction = defineAction(
  {
    permission: "automation.write",
    name: "scenarios.save-settings",
    schema: scenarioSettingsFormSchema.and(z.object({ id: idField })),
    revalidate,
  },
  async ({ id, ...settings }, { db }) => {
    await saveScenarioDraft(db, { scenarioId: id, ...settings });
    return { ok: true as const, message: "Settings saved." };
  },
);

export const saveScenarioConversionAction = defineAction(
  {
    permission: "automation.write",
    name: "scenarios.save-conversion",
    schema: scenarioConversionFormSchema.and(z.object({ id: idField })),
    revalidate,
  },
  async ({ id, ...conversion }, { db }) => {
    await saveScenarioDraft(db, { scenarioId: id, ...conversion });
    return { ok: true as const, message: "Conversion saved." };
  },
);
