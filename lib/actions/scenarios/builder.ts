"use server";

import { z } from "zod";
import type { GraphErrorView } from "@/lib/scenarios/scenario-view-types";
import { defineAction } from "@/lib/actions/define-action";
import { idField } from "@/lib/forms/form-fields";
import { findScenarioVersion } from "@/lib/scenarios/admin/find-scenario-version";
import { publishScenario } from "@/lib/scenarios/admin/publish-scenario";
import { saveScenarioDraft } from "@/lib/scenarios/admin/save-scenario-draft";
import { graphErrorsOf, scenarioVersionNotFound } from "@/lib/scenarios/admin/scenario-errors";
import { publishNoteSchema } from "@/lib/scenarios/schemas";
import { getScenarioStats, type ScenarioStats } from "@/lib/scenarios/stats/get-scenario-stats";

/**
 * The builder's own actions. Autosave and the statistics refresh revalidate nothing: they run every few seconds and
 * must not re-render the page under the author; publishing revalidates the list (and the builder refreshes itself).
 */

const graphJson = z
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

export interface DraftSaved {
  errors: GraphErrorView[];
  savedAt: string;
}

/** Autosave: replace the draft graph; the validation errors come back for the builder to show. */
export const saveDraftGraphAction = defineAction(
  {
    permission: "automation.write",
    name: "scenarios.save-draft",
    schema: z.object({ id: idField, graph: graphJson }),
  },
  async ({ id, graph }, { db }): Promise<DraftSaved> => {
    const { scenario, errors } = await saveScenarioDraft(db, { scenarioId: id, graph });
    return { errors, savedAt: (scenario.draftUpdatedAt ?? scenario.updatedAt).toISOString() };
  },
);

export interface PublishOutcome {
  /** The new version's number, or null when validation refused the draft. */
  version: number | null;
  errors: GraphErrorView[];
}

/** Publish the saved draft; a refusal is an answer (the errors to outline on the canvas), not a failure. */
export const publishDraftAction = defineAction(
  {
    permission: "automation.write",
    name: "scenarios.publish",
    schema: z.object({ id: idField, note: publishNoteSchema }),
    revalidate: ["/admin/scenarios"],
  },
  async ({ id, note }, { db, user }): Promise<PublishOutcome> => {
    try {
      const version = await publishScenario(db, { scenarioId: id, note, publishedBy: user.id });
      return { version: version.number, errors: [] };
    } catch (error) {
      const errors = graphErrorsOf(error);
      if (errors === null) throw error;
      return { version: null, errors };
    }
  },
);

/** A published version's graph, to view read-only (and restore into the draft from the builder). */
export const loadVersionGraphAction = defineAction(
  {
    permission: "automation.read",
    name: "scenarios.load-version",
    schema: z.object({ id: idField, number: idField }),
  },
  async ({ id, number }, { db }): Promise<{ number: number; graph: unknown }> => {
    const version = await findScenarioVersion(db, { scenarioId: id, number });
    if (!version) throw scenarioVersionNotFound(number);
    return { number: version.number, graph: version.graph };
  },
);

/** Visits per node and users per edge, for one version or all. */
export const loadStatsAction = defineAction(
  {
    permission: "automation.read",
    name: "scenarios.load-stats",
    schema: z.object({ id: idField, versionId: idField.optional() }),
  },
  async ({ id, versionId }, { db }): Promise<ScenarioStats> =>
    getScenarioStats(db, { scenarioId: id, versionId }),
);
