import type { Metadata } from "next";
import Link from "next/link";
import { GoalForm } from "@/components/admin/goal-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/session";
import { saveGoalAction } from "../actions";

export const metadata: Metadata = { title: "New goal" };

export default async function NewGoalPage() {
  await requireStaffPage("/admin/goals/new", "automation.write");
  return (
    <>
      <PageHeader
        title="New goal"
        back={
          <Link href="/admin/goals" className="text-zinc-500 hover:text-zinc-900">
            ← Goals
          </Link>
        }
      />
      <Card className="max-w-3xl">
        <CardBody className="px-6 py-5">
          <GoalForm action={saveGoalAction} />
        </CardBody>
      </Card>
    </>
  );
}
