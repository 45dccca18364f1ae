import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ChangeRoleForm } from "@/components/admin/change-role-form";
import { UserFamilyCard } from "@/components/admin/family/user-family-card";
import { UserReferralsCard } from "@/components/admin/referrals/user-referrals-card";
import { UserGoalsCard } from "@/components/admin/user-goals-card";
import { UserScenarioRunsCard } from "@/components/admin/user-scenario-runs-card";
import { CreatePaymentForm } from "@/components/admin/create-payment-form";
import { GiveSubscriptionForm } from "@/components/admin/give-subscription-form";
import { PaymentsTable } from "@/components/admin/payments-table";
import { RecurrentPaymentsTable } from "@/components/admin/recurrent-payments-table";
import { SubscriptionsTable } from "@/components/admin/subscriptions-table";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdminPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listCustomizableFamilyOptions } from "@/lib/family/admin/list-customizable-family-options";
import { listPayments } from "@/lib/payments/list-payments";
import { listRecurrentPayments } from "@/lib/recurrent-payments/list-recurrent-payments";
import { listSubscriptionTypes } from "@/lib/subscriptions/list-subscription-types";
import { listSubscriptions } from "@/lib/subscriptions/list-subscriptions";
import { findUser } from "@/lib/users/find-user";
import {
  markPaymentPaidAction,
  refundPaymentAction,
  createPaymentAction,
} from "../../payments/actions";
import { stopRecurrentPaymentAction } from "../../recurrent-payments/actions";
import { giveSubscriptionAction, stopSubscriptionAction } from "../../subscriptions/actions";
import { changeUserRoleAction } from "../actions";

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export const metadata: Metadata = { title: "User" };

// A user's detail shows their whole history on one page; these bound it for unusually long histories.
const DETAIL_LIMIT = 100;

export default async function UserDetailPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireAdminPage(`/admin/users/${id}`);
  const userId = z.coerce.number().int().positive().safeParse(id);
  if (!userId.success) notFound();
  const db = await getDb();
  const user = await findUser(db, userId.data);
  if (!user) notFound();
  const [subscriptions, payments, recurrent, types, customizableFamilies, query] =
    await Promise.all([
      listSubscriptions(db, { userId: user.id, limit: DETAIL_LIMIT, offset: 0 }),
      listPayments(db, { userId: user.id, limit: DETAIL_LIMIT, offset: 0 }),
      listRecurrentPayments(db, { userId: user.id, limit: DETAIL_LIMIT, offset: 0 }),
      listSubscriptionTypes(db),
      listCustomizableFamilyOptions(db),
      searchParams,
    ]);
  const typeOptions = types.map(({ id, code, name, priceCents, lengthDays, active }) => ({
    id,
    code,
    name,
    priceCents,
    lengthDays,
    active,
  }));

  return (
    <>
      <PageHeader
        title={<span data-testid="user-detail-email">{user.email}</span>}
        description={
          <>
            {user.name ?? "No name"} ·{" "}
            <Badge tone={user.role === "admin" ? "violet" : "gray"}>{user.role}</Badge> · joined{" "}
            {formatDateTime(user.createdAt)} · last sign-in {formatDateTime(user.lastLoginAt)}
          </>
        }
        back={
          <Link href="/admin/users" className="text-zinc-500 hover:text-zinc-900">
            ← Users
          </Link>
        }
      />
      {query.created ? (
        <Notice tone="success" className="mb-6" data-testid="user-created">
          User created.
        </Notice>
      ) : null}
      {user.paymentDisputedAt ? (
        <Notice
          tone="error"
          title="Payment disputed"
          className="mb-6"
          data-testid="user-payment-disputed"
        >
          A card payment of this customer was disputed on {formatDateTime(user.paymentDisputedAt)};
          their automatic renewals were stopped.
        </Notice>
      ) : null}

      <div className="grid grid-cols-1 gap-6 2xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader
              title="Subscriptions"
              description="Actual means started and not yet ended."
            />
            {subscriptions.rows.length === 0 ? (
              <EmptyState
                title="No subscriptions"
                description="Give one below, or create a paid payment."
              />
            ) : (
              <SubscriptionsTable rows={subscriptions.rows} stopAction={stopSubscriptionAction} />
            )}
          </Card>
          <Card>
            <CardHeader title="Payments" />
            {payments.rows.length === 0 ? (
              <EmptyState title="No payments" />
            ) : (
              <PaymentsTable
                rows={payments.rows}
                markPaidAction={markPaymentPaidAction}
                refundAction={refundPaymentAction}
              />
            )}
          </Card>
          <Card>
            <CardHeader title="Recurrent payments" />
            {recurrent.rows.length === 0 ? (
              <EmptyState
                title="No recurrent payments"
                description="A paid payment with a card token sets one up."
              />
            ) : (
              <RecurrentPaymentsTable
                rows={recurrent.rows}
                stopAction={stopRecurrentPaymentAction}
              />
            )}
          </Card>
          <UserScenarioRunsCard userId={user.id} />
        </div>

        <div className="space-y-6">
          <Card>
            <CardHeader
              title="Role"
              description="Admins can use this admin; the last admin cannot be demoted."
            />
            <CardBody>
              <ChangeRoleForm action={changeUserRoleAction} userId={user.id} role={user.role} />
            </CardBody>
          </Card>
          <UserGoalsCard userId={user.id} />
          <UserFamilyCard userId={user.id} />
          <UserReferralsCard userId={user.id} email={user.email} />
          <Card>
            <CardHeader title="Give a subscription" />
            <CardBody>
              <GiveSubscriptionForm
                action={giveSubscriptionAction}
                userId={user.id}
                types={typeOptions}
              />
            </CardBody>
          </Card>
          <Card>
            <CardHeader
              title="Create a payment"
              description="Paying it creates the subscription."
            />
            <CardBody>
              <CreatePaymentForm
                action={createPaymentAction}
                userId={user.id}
                types={typeOptions}
                customizableFamilies={customizableFamilies}
              />
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
