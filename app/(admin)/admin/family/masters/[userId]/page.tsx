import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AdminActivateCodeForm } from "@/components/admin/family/admin-activate-code-form";
import { MasterSubscriptionCodes } from "@/components/admin/family/master-subscription-codes";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listMasterFamilyGroups } from "@/lib/family/admin/list-master-family-groups";
import { listSubscriptionTypes } from "@/lib/subscriptions/list-subscription-types";
import { findUser } from "@/lib/users/find-user";
import { activateFamilyCodeAction, releaseFamilyChildAction } from "../../actions";

export const metadata: Metadata = { title: "Family master" };

export default async function FamilyMasterPage({
  params,
}: {
  params: Promise<{ userId: string }>;
}) {
  const { userId } = await params;
  const staff = await requireStaffPage(`/admin/family/masters/${userId}`, "customers.read");
  const canChange = can(staff.role, "customers.write");
  const parsed = z.coerce.number().int().positive().max(2_147_483_647).safeParse(userId);
  if (!parsed.success) notFound();
  const db = await getDb();
  const user = await findUser(db, parsed.data);
  if (!user) notFound();
  const [groups, types] = await Promise.all([
    listMasterFamilyGroups(db, { masterUserId: user.id }),
    listSubscriptionTypes(db),
  ]);
  const typeById = new Map(types.map((type) => [type.id, type]));
  return (
    <>
      <PageHeader
        title={<span data-testid="family-master-email">{user.email}</span>}
        description="Family codes per master subscription."
        back={
          <Link href="/admin/family" className="text-zinc-500 hover:text-zinc-900">
            ← Family
          </Link>
        }
        actions={
          <Link href={`/admin/users/${user.id}`} className="text-sm text-brand-700 hover:underline">
            User detail
          </Link>
        }
      />
      <div className="grid grid-cols-1 gap-6 2xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          {groups.length === 0 ? (
            <Card>
              <EmptyState
                title="No family codes"
                description="This user has no master subscription with family codes."
              />
            </Card>
          ) : (
            groups.map((group) => (
              <MasterSubscriptionCodes
                key={group.masterSubscriptionId}
                group={group}
                type={typeById.get(group.masterSubscriptionTypeId)}
                releaseAction={canChange ? releaseFamilyChildAction : undefined}
              />
            ))
          )}
        </div>
        {canChange ? (
          <Card className="self-start">
            <CardHeader
              title="Activate a code for a user"
              description="Any code, for any account: the one-per-user and self-use rules do not apply here."
            />
            <CardBody>
              <AdminActivateCodeForm action={activateFamilyCodeAction} />
            </CardBody>
          </Card>
        ) : null}
      </div>
    </>
  );
}
