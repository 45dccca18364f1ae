import type { Metadata } from "next";
import Link from "next/link";
import { ScenarioSettingsForm } from "@/components/admin/scenarios/scenario-settings-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/session";
import { createScenarioAction } from "../actions";

export const metadata: Metadata = { title: "New scenario" };

export default async function NewScenarioPage() {
  await requireStaffPage("/admin/scenarios/new", "automation.write");
  return (
    <>
      <PageHeader
        title="New scenario"
        description="Start with a name and a re-entry rule; the graph comes next."
        back={
          <Link href="/admin/scenarios" className="text-zinc-500 hover:text-zinc-900">
            ← Scenarios
          </Link>
        }
      />
      <Card className="max-w-xl">
        <CardBody>
          <ScenarioSettingsForm action={createScenarioAction} />
        </CardBody>
      </Card>
    </>
  );
}
