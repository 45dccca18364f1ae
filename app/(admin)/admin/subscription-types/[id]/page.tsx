import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { SubscriptionTypeForm } from "@/components/admin/subscription-type-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdminPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listContentAccess } from "@/lib/subscriptions/list-content-access";
import { listSubscriptionTypes } from "@/lib/subscriptions/list-subscription-types";
import { saveSubscriptionTypeAction } from "../actions";

export const metadata: Metadata = { title: "Edit subscription type" };

export default async function EditSubscriptionTypePage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  await requireAdminPage(`/admin/subscription-types/${id}`);
  const typeId = z.coerce.number().int().positive().safeParse(id);
  if (!typeId.success) notFound();
  const db = await getDb();
  const [contentAccess, types] = await Promise.all([
    listContentAccess(db),
    listSubscriptionTypes(db),
  ]);
  const type = types.find((candidate) => candidate.id === typeId.data);
  if (!type) notFound();
  return (
    <>
      <PageHeader
        title={type.name}
        description={<span className="font-mono">{type.code}</span>}
        back={
          <Link href="/admin/subscription-types" className="text-zinc-500 hover:text-zinc-900">
            ← Subscription types
          </Link>
        }
      />
      <Card className="max-w-3xl">
        <CardBody className="px-6 py-5">
          <SubscriptionTypeForm
            action={saveSubscriptionTypeAction}
            contentAccess={contentAccess}
            nextTypes={types.map(({ code, name }) => ({ code, name }))}
            initial={{
              id: type.id,
              code: type.code,
              name: type.name,
              lengthDays: type.lengthDays,
              priceCents: type.priceCents,
              contentAccess: type.contentAccess,
              isDefault: type.isDefault,
              active: type.active,
              nextTypeCode: type.nextTypeCode,
              offered: type.offered,
              position: type.position,
              description: type.description,
              highlighted: type.highlighted,
            }}
          />
        </CardBody>
      </Card>
    </>
  );
}
