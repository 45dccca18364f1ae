import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import {
  HoldoutComparison,
  PathTable,
  VariantTable,
} from "@/components/admin/scenarios/scenario-report-tables";
import type { SearchParams } from "@/components/admin/search-params";
import { PeriodSelector } from "@/components/charts/period-selector";
import type { ChartColor } from "@/components/charts/chart-colors";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { readChartPeriod } from "@/lib/charts/chart-period";
import { chartWindow } from "@/lib/charts/chart-window";
import { now } from "@/lib/clock";
import {
  getScenarioReport,
  type ReportPoint,
} from "@/lib/scenarios/conversions/get-scenario-report";
import { loadVersionGraph } from "@/lib/scenarios/engine/load-version-graph";
import { nodeSummary } from "@/lib/scenarios/nodes/definitions";
import { requireScenarioPage } from "../scenario-page";

export const metadata: Metadata = { title: "Scenario report" };

/**
 * What a scenario earned: conversions and revenue of its users against the holdout (uplift with a 95 % interval), per
 * A/B variant (with the significance of the difference), along its nodes and edges, and entries and conversions per
 * day.
 */
export default async function ScenarioReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { id } = await params;
  const { db, scenario } = await requireScenarioPage(id, "/report", "automation.read");
  const query = await searchParams;
  const period = readChartPeriod(query.period);
  const [report, graph] = await Promise.all([
    getScenarioReport(db, { scenarioId: scenario.id, window: chartWindow(now(), period) }),
    scenario.currentVersionId === null ? null : loadVersionGraph(db, scenario.currentVersionId),
  ]);
  if (!report) notFound();
  const nodeTitles: Record<string, string> = Object.fromEntries(
    (graph?.nodes ?? []).map((node) => [node.id, nodeSummary(node)]),
  );
  const edgeTitles: Record<string, string> = Object.fromEntries(
    (graph?.edges ?? []).map((edge) => [
      edge.id,
      `${nodeTitles[edge.from] ?? edge.from} → ${nodeTitles[edge.to] ?? edge.to}`,
    ]),
  );
  const path = `/admin/scenarios/${scenario.id}/report`;
  const entered = report.series.reduce((sum, p) => sum + p.entered + p.holdoutEntered, 0);
  const converted = report.series.reduce((sum, p) => sum + p.converted + p.holdoutConverted, 0);

  return (
    <>
      <PageHeader
        title={`Report: ${scenario.name}`}
        description={
          report.conversion ? (
            <span data-testid="report-conversion">
              Conversion: <code>{report.conversion.event}</code> within{" "}
              {report.conversion.windowDays} {report.conversion.windowDays === 1 ? "day" : "days"}{" "}
              after entry · holdout {report.holdoutPercent} % of entering users.
            </span>
          ) : (
            <span data-testid="report-conversion">
              No conversion is defined: set one in the builder&apos;s settings to count what this
              scenario earns.
            </span>
          )
        }
        back={
          <Link
            href={`/admin/scenarios/${scenario.id}`}
            className="text-zinc-500 hover:text-zinc-900"
            data-testid="scenario-report-back"
          >
            ← Builder
          </Link>
        }
        actions={
          <Link
            href={`/admin/scenarios/${scenario.id}/runs`}
            className="text-sm text-zinc-600 hover:text-zinc-900"
          >
            Runs
          </Link>
        }
      />
      <div className="space-y-6">
        <Card>
          <CardHeader
            title="Scenario against holdout"
            description="All runs since the scenario began; a user entering twice counts twice. Revenue is the converting event's amount."
          />
          <HoldoutComparison report={report} />
        </Card>

        <Card>
          <CardHeader
            title="Over time"
            description={`Per UTC day: ${entered.toLocaleString("en-US")} entered and ${converted.toLocaleString("en-US")} converted in the last ${period} days.`}
          />
          <CardBody className="grid gap-6 lg:grid-cols-2">
            <div className="lg:col-span-2">
              <PeriodSelector path={path} params={query} current={period} />
            </div>
            <DailyBars
              title="Entries"
              testId="report-entries-chart"
              data={report.series}
              scenario={{ key: "entered", color: "brand" }}
              holdoutKey="holdoutEntered"
              summary={`Runs entered per day over the last ${period} days, scenario and holdout.`}
            />
            <DailyBars
              title="Conversions"
              testId="report-conversions-chart"
              data={report.series}
              scenario={{ key: "converted", color: "emerald" }}
              holdoutKey="holdoutConverted"
              summary={`Conversions per day over the last ${period} days, scenario and holdout.`}
            />
          </CardBody>
        </Card>

        {report.variants.length > 0 ? (
          <Card>
            <CardHeader
              title="A/B variants"
              description="Runs that took each variant. The p-value tests the difference to the node's first variant (two-proportion z-test)."
            />
            <VariantTable variants={report.variants} />
          </Card>
        ) : null}

        {report.nodes.length > 0 ? (
          <div className="grid gap-6 lg:grid-cols-2">
            <Card>
              <CardHeader
                title="Conversions by node"
                description="Converted runs that passed each node."
              />
              <PathTable
                rows={report.nodes}
                label="Node"
                titles={nodeTitles}
                testId="report-nodes"
              />
            </Card>
            <Card>
              <CardHeader
                title="Conversions by edge"
                description="Converted runs that took each edge."
              />
              <PathTable
                rows={report.edges}
                label="Edge"
                titles={edgeTitles}
                testId="report-edges"
              />
            </Card>
          </div>
        ) : null}
      </div>
    </>
  );
}

/** A stacked bar chart per UTC day of one figure: the scenario's and the holdout's. */
function DailyBars({
  title,
  testId,
  data,
  scenario,
  holdoutKey,
  summary,
}: {
  title: string;
  testId: string;
  data: ReportPoint[];
  scenario: { key: keyof ReportPoint; color: ChartColor };
  holdoutKey: keyof ReportPoint;
  summary: string;
}) {
  return (
    <div>
      <h3 className="mb-2 text-xs font-medium text-zinc-500">{title}</h3>
      <TimeSeriesChart
        testId={testId}
        kind="bar"
        stacked
        format="count"
        bucket="day"
        height={200}
        data={data}
        series={[
          { key: scenario.key, label: "Scenario", color: scenario.color },
          { key: holdoutKey, label: "Holdout", color: "zinc" },
        ]}
        summary={summary}
      />
    </div>
  );
}
