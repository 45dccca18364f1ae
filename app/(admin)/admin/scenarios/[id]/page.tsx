import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { EntityHistory } from "@/components/admin/audit/entity-history";
import { ScenarioRowActions } from "@/components/admin/scenarios/scenario-row-actions";
import { ScenarioConversionForm } from "@/components/admin/scenarios/scenario-conversion-form";
import { ScenarioSettingsForm } from "@/components/admin/scenarios/scenario-settings-form";
import { ScenarioBuilder } from "@/components/builder/scenario-builder";
import { ScenarioRunsCard } from "@/components/charts/scenario-runs-card";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { loadBuilderOptions } from "@/lib/scenarios/builder-options";
import { readExitRules } from "@/lib/scenarios/exit-rules";
import { asEditableGraph, draftGraphSchema, EMPTY_GRAPH } from "@/lib/scenarios/graph";
import { findScenario } from "@/lib/scenarios/admin/find-scenario";
import { findScenarioVersion } from "@/lib/scenarios/admin/find-scenario-version";
import { listScenarioVersions } from "@/lib/scenarios/admin/list-scenario-versions";
import { getScenarioStats } from "@/lib/scenarios/stats/get-scenario-stats";
import { validateGraph } from "@/lib/scenarios/validate-graph";
import { scenarioStatusActions } from "../status-actions";
import { saveScenarioConversionAction, saveScenarioSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Scenario builder" };

/** The scenario builder: everything it needs is loaded here once; the canvas then works on the draft client-side. */
export default async function ScenarioPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const staff = await requireStaffPage(`/admin/scenarios/${id}`, "automation.read");
  const canEdit = can(staff.role, "automation.write");
  const parsedId = z.coerce.number().int().positive().max(2_147_483_647).safeParse(id);
  if (!parsedId.success) notFound();
  const db = await getDb();
  const scenario = await findScenario(db, parsedId.data);
  if (!scenario) notFound();
  const [versions, validation, stats, options, liveVersion] = await Promise.all([
    listScenarioVersions(db, { scenarioId: scenario.id }),
    validateGraph(db, scenario.draftGraph),
    getScenarioStats(db, { scenarioId: scenario.id }),
    loadBuilderOptions(db),
    scenario.currentVersionNumber === null
      ? null
      : findScenarioVersion(db, { scenarioId: scenario.id, number: scenario.currentVersionNumber }),
  ]);
  // A stored draft that no longer parses (written by an older release) opens as an empty canvas with its errors.
  const draft = draftGraphSchema.safeParse(scenario.draftGraph);
  return (
    <ScenarioBuilder
      scenario={{
        id: scenario.id,
        name: scenario.name,
        status: scenario.status,
        currentVersionNumber: scenario.currentVersionNumber,
      }}
      draft={draft.success ? asEditableGraph(draft.data) : EMPTY_GRAPH}
      draftErrors={validation.errors}
      // Both are jsonb, whose keys Postgres keeps in one order: equal graphs serialize alike.
      draftIsLive={
        liveVersion !== null &&
        JSON.stringify(liveVersion.graph) === JSON.stringify(scenario.draftGraph)
      }
      versions={versions.map((v) => ({
        id: v.id,
        number: v.number,
        note: v.note,
        publishedByEmail: v.publishedByEmail,
        createdAt: v.createdAt.toISOString(),
        isCurrent: v.isCurrent,
      }))}
      options={options}
      stats={stats}
      canEdit={canEdit}
      statusActions={
        canEdit ? (
          <ScenarioRowActions
            id={scenario.id}
            status={scenario.status}
            actions={scenarioStatusActions}
            published={scenario.currentVersionId !== null}
            bare
          />
        ) : null
      }
      settings={
        <>
          <ScenarioRunsCard scenarioId={scenario.id} />
          {!canEdit ? (
            <p className="text-sm text-zinc-600" data-testid="builder-view-only">
              Your role can view this scenario but not change it.
            </p>
          ) : scenario.status === "deleted" ? (
            <p className="text-sm text-zinc-600">
              This scenario is deleted. Restore it to edit or enable it.
            </p>
          ) : (
            <ScenarioSettingsForm
              action={saveScenarioSettingsAction}
              initial={{
                id: scenario.id,
                name: scenario.name,
                reentry: scenario.reentry,
                reentryDays: scenario.reentryDays,
                exitRules: readExitRules(scenario.exitRules),
              }}
              events={options.events}
            />
          )}
          {canEdit && scenario.status !== "deleted" ? (
            <ScenarioConversionForm
              action={saveScenarioConversionAction}
              initial={{
                id: scenario.id,
                conversionEvent: scenario.conversionEvent,
                conversionWindowDays: scenario.conversionWindowDays,
                holdoutPercent: scenario.holdoutPercent,
              }}
            />
          ) : null}
          {can(staff.role, "audit.read") ? (
            <EntityHistory entityType="scenarios" entityId={scenario.id} />
          ) : null}
        </>
      }
    />
  );
}
