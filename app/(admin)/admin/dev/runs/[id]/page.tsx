import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { JsonBlock } from "@/components/dev/json-block";
import { RunStatusBadge } from "@/components/dev/run-status-badge";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatZonedDateTime } from "@/components/ui/format";
import { getViewerTimeZone } from "@/lib/time/viewer-time-zone";
import { Time } from "@/components/ui/time";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getRun } from "@/inngest/local/get-run";
import { localExecutorEnabled } from "@/inngest/local/mode";
import { retryRunAction } from "../actions";

export const metadata: Metadata = { title: "Function run" };

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  if (!localExecutorEnabled()) notFound();
  const { id } = await params;
  await requireStaffPage(`/admin/dev/runs/${id}`, "dev");
  const runId = z.uuid().safeParse(id);
  if (!runId.success) notFound();
  const detail = await getRun(await getDb(), runId.data);
  if (!detail) notFound();
  const { run, steps, jobs, waits } = detail;
  const timeZone = await getViewerTimeZone();
  const at = (date: Date) => formatZonedDateTime(date, timeZone);

  return (
    <>
      <PageHeader
        back={
          <Link href="/admin/dev/runs" className="text-brand-700 hover:underline">
            ← Function runs
          </Link>
        }
        title={run.functionId}
        description={
          <>
            Run {run.id} · started <Time value={run.createdAt} />
            {run.endedAt ? (
              <>
                {" "}
                · ended <Time value={run.endedAt} />
              </>
            ) : null}
          </>
        }
        actions={
          <>
            <RunStatusBadge status={run.status} />
            {run.status === "failed" ? (
              <ActionButton
                action={retryRunAction}
                fields={{ runId: run.id }}
                label="Retry"
                testId="retry-run"
              />
            ) : null}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Triggering event" />
          <CardBody>
            <JsonBlock value={run.event} testId="run-event" />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={run.status === "failed" ? "Error" : "Output"} />
          <CardBody>
            {run.status === "failed" || run.status === "cancelled" ? (
              <JsonBlock value={run.error} testId="run-error" />
            ) : run.status === "completed" ? (
              <JsonBlock value={run.output} testId="run-output" />
            ) : (
              <p className="text-sm text-zinc-500">
                {waits.length > 0
                  ? `Waiting for ${waits.map((wait) => `${wait.eventName} until ${at(wait.expiresAt)}`).join(", ")}.`
                  : jobs.length > 0
                    ? `Next: ${jobs.map((job) => `${job.kind} at ${at(job.dueAt)}`).join(", ")}.`
                    : "In progress."}
              </p>
            )}
          </CardBody>
        </Card>
      </div>
      <Card className="mt-6">
        <CardHeader title="Steps" description="Memoized results, in the order they completed." />
        {steps.length === 0 ? (
          <EmptyState title="No steps yet" />
        ) : (
          <ol className="divide-y divide-zinc-100" data-testid="run-steps">
            {steps.map((step) => (
              <li key={step.stepId} className="space-y-2 px-5 py-4" data-testid="run-step">
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="font-medium text-zinc-900">{step.name ?? step.op}</span>
                  <Badge tone={step.error ? "red" : "gray"}>{step.op}</Badge>
                  <span className="text-xs text-zinc-500">
                    <Time value={step.createdAt} /> · attempt{step.attempts === 1 ? "" : "s"}{" "}
                    {step.attempts}
                  </span>
                </div>
                <JsonBlock value={step.error ?? step.data} />
              </li>
            ))}
          </ol>
        )}
      </Card>
    </>
  );
}
