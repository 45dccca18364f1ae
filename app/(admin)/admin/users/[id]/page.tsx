import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { EntityHistory } from "@/components/admin/audit/entity-history";
import { ChangeRoleForm } from "@/components/admin/change-role-form";
import { RoleBadge } from "@/components/admin/role-badge";
import { UserFamilyCard } from "@/components/admin/family/user-family-card";
import { UserReferralsCard } from "@/components/admin/referrals/user-referrals-card";
import { UserGoalsCard } from "@/components/admin/user-goals-card";
import { UserEmailPreferencesCard } from "@/components/admin/user-email-preferences-card";
import { UserScenarioRunsCard } from "@/components/admin/user-scenario-runs-card";
import { UserEmailCard } from "@/components/admin/email/user-email-card";
import { ViewAsCustomerButton } from "@/components/admin/view-as-customer-button";
import { CreatePaymentForm } from "@/components/admin/create-payment-form";
import { GiveSubscriptionForm } from "@/components/admin/give-subscription-form";
import { PaymentsTable } from "@/components/admin/payments-table";
import { RecurrentPaymentsTable } from "@/components/admin/recurrent-payments-table";
import { SubscriptionsTable } from "@/components/admin/subscriptions-table";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Time } from "@/components/ui/time";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
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
  const staff = await requireStaffPage(`/admin/users/${id}`, "customers.read");
  // What this page shows and offers follows the viewer's role; each action checks the same again.
  const may = {
    changeCustomers: can(staff.role, "customers.write"),
    seeBilling: can(staff.role, "billing.read"),
    changeBilling: can(staff.role, "billing.write"),
    seeAutomation: can(staff.role, "automation.read"),
    changeAutomation: can(staff.role, "automation.write"),
    changeRoles: can(staff.role, "staff.manage"),
    seeAudit: can(staff.role, "audit.read"),
  };
  const userId = z.coerce.number().int().positive().safeParse(id);
  if (!userId.success) notFound();
  const db = await getDb();
  const user = await findUser(db, userId.data);
  if (!user) notFound();
  const [subscriptions, payments, recurrent, types, customizableFamilies, query] =
    await Promise.all([
      listSubscriptions(db, { userId: user.id, limit: DETAIL_LIMIT, offset: 0 }),
      may.seeBilling ? listPayments(db, { userId: user.id, limit: DETAIL_LIMIT, offset: 0 }) : null,
      may.seeBilling
        ? listRecurrentPayments(db, { userId: user.id, limit: DETAIL_LIMIT, offset: 0 })
        : null,
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
            {user.name ?? "No name"} · <RoleBadge role={user.role} /> · joined{" "}
            <Time value={user.createdAt} /> · last sign-in{" "}
            <Time value={user.lastLoginAt} empty="never" />
          </>
        }
        back={
          <Link href="/admin/users" className="text-zinc-500 hover:text-zinc-900">
            ← Users
          </Link>
        }
        actions={user.role === "customer" ? <ViewAsCustomerButton userId={user.id} /> : null}
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
          A card payment of this customer was disputed on <Time value={user.paymentDisputedAt} />;
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
                description={
                  may.changeCustomers ? "Give one below, or create a paid payment." : undefined
                }
              />
            ) : (
              <SubscriptionsTable
                rows={subscriptions.rows}
                stopAction={may.changeCustomers ? stopSubscriptionAction : undefined}
              />
            )}
          </Card>
          {payments ? (
            <Card>
              <CardHeader title="Payments" />
              {payments.rows.length === 0 ? (
                <EmptyState title="No payments" />
              ) : (
                <PaymentsTable
                  rows={payments.rows}
                  markPaidAction={may.changeBilling ? markPaymentPaidAction : undefined}
                  refundAction={may.changeBilling ? refundPaymentAction : undefined}
                />
              )}
            </Card>
          ) : null}
          {recurrent ? (
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
                  stopAction={may.changeBilling ? stopRecurrentPaymentAction : undefined}
                />
              )}
            </Card>
          ) : null}
          {may.seeAutomation ? <UserScenarioRunsCard userId={user.id} /> : null}
          {may.seeAutomation ? (
            <UserEmailCard
              userId={user.id}
              address={user.email}
              canChange={may.changeAutomation}
              page={query.emailPage}
            />
          ) : null}
          {may.seeAudit ? <EntityHistory entityType="users" entityId={user.id} /> : null}
        </div>

        <div className="space-y-6">
          <Card data-testid="user-role-card">
            <CardHeader
              title="Role"
              description={
                may.changeRoles
                  ? "Changing it signs the user out everywhere; the last owner cannot be demoted."
                  : "Only an owner can change roles."
              }
            />
            <CardBody>
              {may.changeRoles ? (
                <ChangeRoleForm action={changeUserRoleAction} userId={user.id} role={user.role} />
              ) : (
                <RoleBadge role={user.role} />
              )}
            </CardBody>
          </Card>
          {may.seeAutomation ? (
            <UserGoalsCard userId={user.id} canComplete={may.changeAutomation} />
          ) : null}
          <UserEmailPreferencesCard userId={user.id} canChange={may.changeCustomers} />
          <UserFamilyCard userId={user.id} />
          <UserReferralsCard userId={user.id} email={user.email} />
          {may.changeCustomers ? (
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
          ) : null}
          {may.changeBilling ? (
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
          ) : null}
        </div>
      </div>
    </>
  );
}
