import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ContentAccessForm } from "@/components/admin/content-access-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdminPage } from "@/lib/auth/session";
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
  await requireAdminPage(`/admin/content-access/${id}`);
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
      <Card className="max-w-xl">
        <CardBody>
          <ContentAccessForm action={updateContentAccessAction} initial={row} />
        </CardBody>
      </Card>
    </>
  );
}
