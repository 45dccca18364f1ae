import type { Metadata } from "next";
import Link from "next/link";
import { SubscriptionTypeForm } from "@/components/admin/subscription-type-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listContentAccess } from "@/lib/subscriptions/list-content-access";
import { listSubscriptionTypes } from "@/lib/subscriptions/list-subscription-types";
import { saveSubscriptionTypeAction } from "../actions";

export const metadata: Metadata = { title: "New subscription type" };

export default async function NewSubscriptionTypePage() {
  await requireStaffPage("/admin/subscription-types/new", "catalog.write");
  const db = await getDb();
  const [contentAccess, types] = await Promise.all([
    listContentAccess(db),
    listSubscriptionTypes(db),
  ]);
  return (
    <>
      <PageHeader
        title="New subscription type"
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
          />
        </CardBody>
      </Card>
    </>
  );
}
