import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { EntityHistory } from "@/components/admin/audit/entity-history";
import { ReadOnlyNotice, ReadOnlyUnless } from "@/components/admin/read-only-unless";
import { SubscriptionTypeForm } from "@/components/admin/subscription-type-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
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
  const staff = await requireStaffPage(`/admin/subscription-types/${id}`, "catalog.read");
  const canChange = can(staff.role, "catalog.write");
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
      <ReadOnlyNotice allowed={canChange} />
      <Card className="max-w-3xl">
        <CardBody className="px-6 py-5">
          <ReadOnlyUnless allowed={canChange}>
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
          </ReadOnlyUnless>
        </CardBody>
      </Card>
      {can(staff.role, "audit.read") ? (
        <EntityHistory
          entityType="subscription_types"
          entityId={type.id}
          className="mt-6 max-w-3xl"
        />
      ) : null}
    </>
  );
}
