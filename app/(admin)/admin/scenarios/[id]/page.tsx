import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ScenarioGraphEditor } from "@/components/admin/scenarios/scenario-graph-editor";
import { ScenarioGraphOutline } from "@/components/admin/scenarios/scenario-graph-outline";
import { ScenarioPublishForm } from "@/components/admin/scenarios/scenario-publish-form";
import { ScenarioRecentRunsCard } from "@/components/admin/scenarios/scenario-recent-runs-card";
import { ScenarioRowActions } from "@/components/admin/scenarios/scenario-row-actions";
import { ScenarioSettingsForm } from "@/components/admin/scenarios/scenario-settings-form";
import { ScenarioSimulateForm } from "@/components/admin/scenarios/scenario-simulate-form";
import { ScenarioStatsCard } from "@/components/admin/scenarios/scenario-stats-card";
import { ScenarioDiagram } from "@/components/builder/scenario-diagram";
import { ScenarioStatusBadge } from "@/components/admin/scenarios/scenario-status-badge";
import { ScenarioTestEventForm } from "@/components/admin/scenarios/scenario-test-event-form";
import { ScenarioVersionsCard } from "@/components/admin/scenarios/scenario-versions-card";
import { readId, type SearchParams } from "@/components/admin/search-params";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdminPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { scenarioGraphSchema } from "@/lib/scenarios/graph";
import { findScenario } from "@/lib/scenarios/manage/find-scenario";
import { listScenarioVersions } from "@/lib/scenarios/manage/list-scenario-versions";
import { findScenarioVersion } from "@/lib/scenarios/manage/find-scenario-version";
import { presentGraph } from "@/lib/scenarios/graph";
import { getScenarioStats } from "@/lib/scenarios/stats/get-scenario-stats";
import { validateGraph } from "@/lib/scenarios/validate-graph";
import { scenarioStatusActions } from "../status-actions";
import {
  publishScenarioAction,
  restoreScenarioVersionAction,
  saveScenarioGraphAction,
  saveScenarioSettingsAction,
  sendScenarioTestEventAction,
  simulateScenarioAction,
} from "./actions";

export const metadata: Metadata = { title: "Scenario" };


/** Interim scenario page (the visual builder replaces the JSON editor): settings, draft, publish, versions, insight. */
export default async function ScenarioPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { id } = await params;
  await requireAdminPage(`/admin/scenarios/${id}`);
  const parsedId = z.coerce.number().int().positive().max(2_147_483_647).safeParse(id);
  if (!parsedId.success) notFound();
  const db = await getDb();
  const scenario = await findScenario(db, parsedId.data);
  if (!scenario) notFound();
  const query = await searchParams;
  const [versions, validation, statistics] = await Promise.all([
    listScenarioVersions(db, { scenarioId: scenario.id }),
    validateGraph(db, scenario.draftGraph),
    getScenarioStats(db, { scenarioId: scenario.id }),
  ]);
  const viewNumber = readId(query, "view");
  const viewed = viewNumber && versions.some((v) => v.number === viewNumber)
    ? await findScenarioVersion(db, { scenarioId: scenario.id, number: viewNumber })
    : null;
  const outline = scenarioGraphSchema.safeParse(scenario.draftGraph);
  const editable = scenario.status !== "deleted";
  return (
    <>
      <PageHeader
        title={<span data-testid="scenario-title">{scenario.name}</span>}
        description={
          <span className="inline-flex items-center gap-2">
            <ScenarioStatusBadge status={scenario.status} />
            {scenario.currentVersionNumber ? `Current version ${scenario.currentVersionNumber}` : "Not published"}
          </span>
        }
        back={<Link href="/admin/scenarios" className="text-zinc-500 hover:text-zinc-900">← Scenarios</Link>}
        actions={
          <ScenarioRowActions id={scenario.id} status={scenario.status} actions={scenarioStatusActions} published={scenario.currentVersionId !== null} bare />
        }
      />
      {editable ? null : (
        <Notice tone="warning" className="mb-4" data-testid="scenario-deleted-notice">
          This scenario is deleted. Restore it to edit or enable it.
        </Notice>
      )}
      {outline.success && outline.data.nodes.length > 0 ? (
        <Card className="mb-6">
          <CardHeader title="Diagram" description="The saved draft, with visits per node and users per edge for all versions." />
          <ScenarioDiagram graph={outline.data} statistics={statistics} />
        </Card>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <div className="min-w-0 space-y-6">
          {editable ? (
            <Card>
              <CardHeader title="Settings" />
              <CardBody>
                <ScenarioSettingsForm
                  action={saveScenarioSettingsAction}
                  initial={{ id: scenario.id, name: scenario.name, reentry: scenario.reentry, reentryDays: scenario.reentryDays }}
                />
              </CardBody>
            </Card>
          ) : null}
          <Card>
            <CardHeader title="Draft graph (JSON)" description="The import/export format of the API. Paste a graph to import it." />
            <CardBody>
              <ScenarioGraphEditor
                action={saveScenarioGraphAction}
                scenarioId={scenario.id}
                graphJson={JSON.stringify(presentGraph(scenario.draftGraph), null, 2)}
                initialErrors={validation.errors}
                readOnly={!editable}
              />
            </CardBody>
          </Card>
          {editable ? (
            <Card>
              <CardHeader title="Publish" description="Validates the saved draft and makes it the next version." />
              <CardBody>
                <ScenarioPublishForm action={publishScenarioAction} scenarioId={scenario.id} />
              </CardBody>
            </Card>
          ) : null}
          <ScenarioVersionsCard
            scenarioId={scenario.id}
            versions={versions}
            viewing={viewed ? { number: viewed.number, graph: viewed.graph } : null}
            restoreAction={restoreScenarioVersionAction}
            canRestore={editable}
          />
        </div>
        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader title="Outline" description="The saved draft, node by node." />
            <CardBody>
              {outline.success ? <ScenarioGraphOutline graph={outline.data} /> : <Notice tone="error">The stored draft is not a valid graph.</Notice>}
            </CardBody>
          </Card>
          <ScenarioStatsCard
            db={db}
            scenarioId={scenario.id}
            versions={versions}
            selected={readId(query, "stats_version")}
            graph={outline.success ? outline.data : { nodes: [], edges: [] }}
          />
          <ScenarioRecentRunsCard db={db} scenarioId={scenario.id} />
          <Card>
            <CardHeader title="Simulate" description="The path a user would take now, with the facts of each decision. Nothing is sent." />
            <CardBody>
              <ScenarioSimulateForm action={simulateScenarioAction} scenarioId={scenario.id} versions={versions.map((v) => v.number)} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Send test event" description="Fires scenario.test for the user; enabled scenarios triggered by it start a run." />
            <CardBody>
              <ScenarioTestEventForm action={sendScenarioTestEventAction} />
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
