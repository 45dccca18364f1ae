"use server";

import { z } from "zod";
import type { GraphErrorView, SimulationView } from "@/components/admin/scenarios/scenario-view-types";
import { defineAction } from "@/lib/actions/define-action";
import { idField } from "@/lib/forms/form-fields";
import { fireScenarioTest } from "@/lib/scenarios/fire-scenario-test";
import { findUserIdByEmail } from "@/lib/scenarios/manage/find-user-id-by-email";
import { publishScenario } from "@/lib/scenarios/manage/publish-scenario";
import { restoreScenarioVersion } from "@/lib/scenarios/manage/restore-scenario-version";
import { saveScenarioDraft } from "@/lib/scenarios/manage/save-scenario-draft";
import { graphErrorsOf } from "@/lib/scenarios/manage/scenario-errors";
import { publishNoteSchema, scenarioSettingsFormSchema } from "@/lib/scenarios/manage/scenario-schemas";
import { simulateScenario } from "@/lib/scenarios/simulate-scenario";

/** Actions of one scenario's page. Every one goes through defineAction, which checks the admin role first. */

const revalidate = ["/admin/scenarios"];
const email = z.string().trim().email({ message: "Enter the user's email." }).max(320);

export const saveScenarioSettingsAction = defineAction(
  { role: "admin", schema: scenarioSettingsFormSchema.and(z.object({ id: idField })), revalidate },
  async ({ id, ...settings }, { db }) => {
    await saveScenarioDraft(db, { scenarioId: id, ...settings });
    return { ok: true as const, message: "Settings saved." };
  },
);

/** Graph JSON typed or pasted into the form; malformed JSON is a field error, not an exception. */
const graphJsonField = z
  .string()
  .max(2_000_000)
  .transform((text, context): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      context.addIssue({ code: "custom", message: "The graph is not valid JSON." });
      return z.NEVER;
    }
  });

/** Save the draft graph (import); its validation errors come back to show, not to refuse: a draft may be unfinished. */
export const saveScenarioGraphAction = defineAction(
  { role: "admin", schema: z.object({ id: idField, graph: graphJsonField }), revalidate },
  async ({ id, graph }, { db }): Promise<{ errors: GraphErrorView[] }> => {
    const { errors } = await saveScenarioDraft(db, { scenarioId: id, graph });
    return { errors };
  },
);

/** Publish; a refusal carries the graph errors (one line per error) so the form can list them. */
export const publishScenarioAction = defineAction(
  { role: "admin", schema: z.object({ id: idField, note: publishNoteSchema }), revalidate },
  async ({ id, note }, { db, user }) => {
    try {
      const version = await publishScenario(db, { scenarioId: id, note, publishedBy: user.id });
      return { ok: true as const, message: `Published version ${version.number}.` };
    } catch (error) {
      const errors = graphErrorsOf(error);
      if (errors === null) throw error;
      return {
        ok: false as const,
        error: "scenario_invalid",
        message: "The scenario cannot be published until these are fixed:",
        fieldErrors: { graph: errors.map((e) => `${e.nodeId ?? "graph"} — ${e.message}`) },
      };
    }
  },
);

export const restoreScenarioVersionAction = defineAction(
  { role: "admin", schema: z.object({ id: idField, number: idField }), revalidate },
  async ({ id, number }, { db }) => {
    await restoreScenarioVersion(db, { scenarioId: id, number });
    return { ok: true as const, message: `Version ${number} copied into the draft.` };
  },
);

const versionField = z.union([z.enum(["draft", "current"]), z.coerce.number().int().positive()]);

/** The path a user would take now: read-only, no run is created and nothing is sent. */
export const simulateScenarioAction = defineAction(
  { role: "admin", schema: z.object({ id: idField, email, version: versionField }) },
  async ({ id, email: address, version }, { db }): Promise<SimulationView> => {
    const userId = await findUserIdByEmail(db, address);
    return simulateScenario(db, { scenarioId: id, version, userId });
  },
);

export const sendScenarioTestEventAction = defineAction(
  { role: "admin", schema: z.object({ email }) },
  async ({ email: address }, { db }) => {
    const userId = await findUserIdByEmail(db, address);
    const { eventId } = await fireScenarioTest(db, { userId });
    return { ok: true as const, message: `Sent scenario.test for ${address} (event ${eventId}).`, data: { eventId } };
  },
);
