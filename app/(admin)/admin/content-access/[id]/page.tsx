import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ReadOnlyNotice, ReadOnlyUnless } from "@/components/admin/read-only-unless";
import { ContentAccessForm } from "@/components/admin/content-access-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listContentAccess } from "@/lib/subscriptions/list-content-access";
import { updateContentAccessAction } from "../actions";

export const metadata: Metadata = { title: "Edit content access" };

export default async function EditContentAccessPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const staff = await requireStaffPage(`/admin/content-access/${id}`, "catalog.read");
  const canChange = can(staff.role, "catalog.write");
  const parsed = z.coerce.number().int().positive().safeParse(id);
  if (!parsed.success) notFound();
  const row = (await listContentAccess(await getDb())).find(
    (candidate) => candidate.id === parsed.data,
  );
  if (!row) notFound();
  return (
    <>
      <PageHeader
        title={row.name}
        description={<span className="font-mono">{row.code}</span>}
        back={
          <Link href="/admin/content-access" className="text-zinc-500 hover:text-zinc-900">
            ← Content access
          </Link>
        }
      />
      <ReadOnlyNotice allowed={canChange} />
      <Card className="max-w-xl">
        <CardBody>
          <ReadOnlyUnless allowed={canChange}>
            <ContentAccessForm action={updateContentAccessAction} initial={row} />
          </ReadOnlyUnless>
        </CardBody>
      </Card>
    </>
  );
}
