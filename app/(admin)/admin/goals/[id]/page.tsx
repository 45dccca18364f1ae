import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ReadOnlyNotice, ReadOnlyUnless } from "@/components/admin/read-only-unless";
import { CompleteGoalForm } from "@/components/admin/complete-goal-form";
import { GoalForm } from "@/components/admin/goal-form";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Time } from "@/components/ui/time";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listGoalCompletions } from "@/lib/goals/list-goal-completions";
import { listGoals } from "@/lib/goals/list-goals";
import { completeGoalForUserAction } from "@/lib/actions/goals/complete-goal-for-user";
import { deleteGoalAction, saveGoalAction } from "../actions";

export const metadata: Metadata = { title: "Goal" };

// The page shows the latest completions; the total is in the header.
const RECENT_COMPLETIONS = 50;

export default async function GoalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const staff = await requireStaffPage(`/admin/goals/${id}`, "automation.read");
  const canChange = can(staff.role, "automation.write");
  const goalId = z.coerce.number().int().positive().safeParse(id);
  if (!goalId.success) notFound();
  const db = await getDb();
  const [[goal], completions] = await Promise.all([
    listGoals(db, { ids: [goalId.data] }),
    listGoalCompletions(db, { goalId: goalId.data, limit: RECENT_COMPLETIONS }),
  ]);
  if (!goal) notFound();
  return (
    <>
      <PageHeader
        title={goal.name}
        description={
          <>
            <span className="font-mono">{goal.code}</span> · completed by {goal.completionCount}{" "}
            users
          </>
        }
        back={
          <Link href="/admin/goals" className="text-zinc-500 hover:text-zinc-900">
            ← Goals
          </Link>
        }
        actions={
          canChange ? (
            <ActionButton
              action={deleteGoalAction}
              fields={{ goalId: goal.id }}
              label="Delete goal"
              pendingLabel="Deleting…"
              variant="danger"
              confirm="Delete this goal and all its completions? Scenarios waiting for it will never see it completed."
              testId="delete-goal"
            />
          ) : null
        }
      />
      <ReadOnlyNotice allowed={canChange} />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader
              title="Recent completions"
              description={`The latest ${RECENT_COMPLETIONS}.`}
            />
            {completions.length === 0 ? (
              <EmptyState title="Nobody has completed it yet" />
            ) : (
              <Table data-testid="goal-completions-table">
                <THead>
                  <Tr>
                    <Th>User</Th>
                    <Th>Completed</Th>
                    <Th>Source</Th>
                  </Tr>
                </THead>
                <TBody>
                  {completions.map((completion) => (
                    <Tr key={completion.id} data-testid={`goal-completion-${completion.userId}`}>
                      <Td>
                        <Link
                          href={`/admin/users/${completion.userId}`}
                          className="text-brand-700 hover:underline"
                        >
                          {completion.email}
                        </Link>
                      </Td>
                      <Td className="whitespace-nowrap">
                        <Time value={completion.completedAt} />
                      </Td>
                      <Td>
                        <Badge>{completion.source}</Badge>
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            )}
          </Card>
          <Card>
            <CardHeader title="Edit goal" />
            <CardBody className="px-6 py-5">
              <ReadOnlyUnless allowed={canChange}>
                <GoalForm
                  action={saveGoalAction}
                  initial={{
                    id: goal.id,
                    code: goal.code,
                    name: goal.name,
                    description: goal.description,
                  }}
                />
              </ReadOnlyUnless>
            </CardBody>
          </Card>
        </div>
        <Card className="self-start">
          <CardHeader
            title="Complete for a user"
            description="Counts as completed by staff (source admin); emits goal.completed once."
          />
          <CardBody>
            <ReadOnlyUnless allowed={canChange}>
              <CompleteGoalForm
                action={completeGoalForUserAction}
                target={{ goalCode: goal.code }}
              />
            </ReadOnlyUnless>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
