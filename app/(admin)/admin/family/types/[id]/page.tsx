import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ReadOnlyNotice, ReadOnlyUnless } from "@/components/admin/read-only-unless";
import { FamilyTypeForm } from "@/components/admin/family/family-type-form";
import { ActionButton } from "@/components/ui/action-button";
import { Card, CardBody } from "@/components/ui/card";
import { toDateTimeLocalUtc } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listFamilyTypes } from "@/lib/family/admin/list-family-types";
import { listSubscriptionTypes } from "@/lib/subscriptions/list-subscription-types";
import { deleteFamilyTypeAction, saveFamilyTypeAction } from "../../actions";

export const metadata: Metadata = { title: "Family type" };

export default async function FamilyTypePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const staff = await requireStaffPage(`/admin/family/types/${id}`, "catalog.read");
  const canChange = can(staff.role, "catalog.write");
  const typeId = z.coerce.number().int().positive().max(2_147_483_647).safeParse(id);
  if (!typeId.success) notFound();
  const db = await getDb();
  const [[type], subscriptionTypes] = await Promise.all([
    listFamilyTypes(db, { ids: [typeId.data] }),
    listSubscriptionTypes(db),
  ]);
  if (!type) notFound();
  return (
    <>
      <PageHeader
        title={`Family: ${type.masterTypeName}`}
        description={<span className="font-mono">{type.masterTypeCode}</span>}
        back={
          <Link href="/admin/family" className="text-zinc-500 hover:text-zinc-900">
            ← Family
          </Link>
        }
        actions={
          canChange ? (
            <ActionButton
              action={deleteFamilyTypeAction}
              fields={{ familyTypeId: type.id }}
              label="Delete family type"
              pendingLabel="Deleting…"
              variant="danger"
              confirm="Delete this family type? New master subscriptions of its type will no longer get codes; existing codes stay."
              testId="delete-family-type"
            />
          ) : null
        }
      />
      <ReadOnlyNotice allowed={canChange} />
      <Card className="max-w-3xl">
        <CardBody className="px-6 py-5">
          <ReadOnlyUnless allowed={canChange}>
            <FamilyTypeForm
              action={saveFamilyTypeAction}
              subscriptionTypes={subscriptionTypes.map(({ code, name }) => ({ code, name }))}
              initial={{
                id: type.id,
                masterTypeCode: type.masterTypeCode,
                childTypeCode: type.childTypeCode,
                donationMethod: type.donationMethod,
                donationDays: type.donationDays,
                donationFixedEnd: type.donationFixedEnd
                  ? toDateTimeLocalUtc(type.donationFixedEnd)
                  : "",
                count: type.count,
                isPaid: type.isPaid,
                allowSelfUse: type.allowSelfUse,
                renewalGapDays: type.renewalGapDays,
              }}
            />
          </ReadOnlyUnless>
        </CardBody>
      </Card>
    </>
  );
}
