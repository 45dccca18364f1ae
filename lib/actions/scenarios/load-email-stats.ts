"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { idField } from "@/lib/forms/form-fields";
import type { EmailStats } from "@/lib/email/stats/email-stats";
import { loadScenarioEmailStats } from "@/lib/email/stats/load-email-stats";
import { requireScenario } from "@/lib/scenarios/admin/find-scenario";

/** The builder's figures for its email nodes: what each sent, skipped, and what its readers did (all versions). */
export const loadScenarioEmailStatsAction = defineAction(
  {
    permission: "automation.read",
    name: "scenarios.load-email-stats",
    schema: z.object({ id: idField }),
  },
  async ({ id }, { db }): Promise<Record<string, EmailStats>> => {
    await requireScenario(db, id);
    return loadScenarioEmailStats(db, { scenarioId: id });
  },
);
