import type { Metadata } from "next";
import Link from "next/link";
import { SegmentForm } from "@/components/admin/segment-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { loadSegmentFormOptions } from "@/lib/segments/load-segment-form-options";
import { countSegmentAction, saveSegmentAction } from "../actions";

export const metadata: Metadata = { title: "New segment" };

export default async function NewSegmentPage() {
  await requireStaffPage("/admin/segments/new", "automation.write");
  const options = await loadSegmentFormOptions(await getDb());
  return (
    <>
      <PageHeader
        title="New segment"
        back={
          <Link href="/admin/segments" className="text-zinc-500 hover:text-zinc-900">
            ← Segments
          </Link>
        }
      />
      <Card className="max-w-4xl">
        <CardBody className="px-6 py-5">
          <SegmentForm
            action={saveSegmentAction}
            countAction={countSegmentAction}
            options={options}
          />
        </CardBody>
      </Card>
    </>
  );
}
