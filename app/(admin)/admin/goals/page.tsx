import type { Metadata } from "next";
import Link from "next/link";
import { readText, type SearchParams } from "@/components/admin/search-params";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listGoals } from "@/lib/goals/list-goals";

export const metadata: Metadata = { title: "Goals" };

export default async function GoalsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaffPage("/admin/goals", "automation.read");
  const canChange = can(staff.role, "automation.write");
  const params = await searchParams;
  const saved = readText(params, "saved");
  const goals = await listGoals(await getDb());
  return (
    <>
      <PageHeader
        title="Goals"
        description="Onboarding goals: completed through the API, by the user, or here; scenarios wait for them."
        actions={
          canChange ? (
            <LinkButton href="/admin/goals/new" data-testid="new-goal">
              New goal
            </LinkButton>
          ) : null
        }
      />
      {saved ? (
        <Notice tone="success" className="mb-4" data-testid="saved-notice">
          Goal <span className="font-mono">{saved}</span> saved.
        </Notice>
      ) : null}
      {readText(params, "deleted") ? (
        <Notice tone="success" className="mb-4" data-testid="deleted-notice">
          Goal deleted.
        </Notice>
      ) : null}
      <Card>
        {goals.length === 0 ? (
          <EmptyState
            title="No goals yet"
            action={canChange ? <LinkButton href="/admin/goals/new">Create one</LinkButton> : null}
          />
        ) : (
          <Table data-testid="goals-table">
            <THead>
              <Tr>
                <Th>Name</Th>
                <Th>Code</Th>
                <Th>Description</Th>
                <Th className="text-right">Completions</Th>
              </Tr>
            </THead>
            <TBody>
              {goals.map((goal) => (
                <Tr key={goal.id} data-testid={`goal-${goal.code}`}>
                  <Td>
                    <Link
                      href={`/admin/goals/${goal.id}`}
                      className="font-medium text-brand-700 hover:underline"
                      data-testid={`goal-link-${goal.code}`}
                    >
                      {goal.name}
                    </Link>
                  </Td>
                  <Td className="font-mono text-xs">{goal.code}</Td>
                  <Td className="max-w-md truncate text-zinc-600">
                    {goal.description ?? <span className="text-zinc-400">—</span>}
                  </Td>
                  <Td
                    className="text-right tabular-nums"
                    data-testid={`goal-completions-${goal.code}`}
                  >
                    {goal.completionCount}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </>
  );
}
