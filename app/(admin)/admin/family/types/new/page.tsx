import type { Metadata } from "next";
import Link from "next/link";
import { FamilyTypeForm } from "@/components/admin/family/family-type-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listSubscriptionTypes } from "@/lib/subscriptions/list-subscription-types";
import { saveFamilyTypeAction } from "../../actions";

export const metadata: Metadata = { title: "New family type" };

export default async function NewFamilyTypePage() {
  await requireStaffPage("/admin/family/types/new", "catalog.write");
  const types = await listSubscriptionTypes(await getDb());
  return (
    <>
      <PageHeader
        title="New family type"
        back={
          <Link href="/admin/family" className="text-zinc-500 hover:text-zinc-900">
            ← Family
          </Link>
        }
      />
      <Card className="max-w-3xl">
        <CardBody className="px-6 py-5">
          <FamilyTypeForm
            action={saveFamilyTypeAction}
            subscriptionTypes={types.map(({ code, name }) => ({ code, name }))}
          />
        </CardBody>
      </Card>
    </>
  );
}
