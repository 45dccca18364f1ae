import type { Metadata } from "next";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import Link from "next/link";
import { AddSeatsForm } from "@/components/customer/family/add-seats-form";
import { FamilyCodeRow } from "@/components/customer/family/family-code-row";
import { FamilyMembershipCard } from "@/components/customer/family/family-membership-card";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { requireUserPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { familyActivationLink } from "@/lib/family/family-link";
import { listFamilyMemberships } from "@/lib/family/list-family-memberships";
import { listFamilySeatOffers, type FamilySeatOffer } from "@/lib/family/list-family-seat-offers";
import {
  listMasterFamilyRequests,
  type MasterFamilyRequestRow,
} from "@/lib/family/list-family-requests";
import {
  addFamilySeatsAction,
  leaveFamilyAction,
  releaseFamilyChildAction,
  revokeFamilyCodeAction,
  sendFamilyInvitationAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Family"))("title") };
}

const codeActions = {
  release: releaseFamilyChildAction,
  revoke: revokeFamilyCodeAction,
  sendInvitation: sendFamilyInvitationAction,
};

/** The rows grouped by master subscription, in the list's order (newest first). */
function groupBySubscription(rows: MasterFamilyRequestRow[]) {
  const groups = new Map<
    number,
    { subscription: MasterFamilyRequestRow["masterSubscription"]; rows: MasterFamilyRequestRow[] }
  >();
  for (const row of rows) {
    const group = groups.get(row.masterSubscription.id) ?? {
      subscription: row.masterSubscription,
      rows: [],
    };
    group.rows.push(row);
    groups.set(row.masterSubscription.id, group);
  }
  return [...groups.values()];
}

async function AddSeatsSection({ offer }: { offer: FamilySeatOffer }) {
  const t = await getTranslations("Family");
  return (
    <div
      className="border-t border-zinc-200 bg-zinc-50/60 px-5 py-4"
      data-testid="family-add-seats"
    >
      <h3 className="mb-2 text-sm font-semibold text-zinc-900">{t("addSeats")}</h3>
      <AddSeatsForm
        action={addFamilySeatsAction}
        masterSubscriptionId={offer.masterSubscriptionId}
        daysLeft={offer.daysLeft}
        seatTypes={offer.seatTypes}
      />
    </div>
  );
}

export default async function FamilyPage() {
  const user = await requireUserPage("/account/family");
  const [db, t, locale, timeZone] = await Promise.all([
    getDb(),
    getTranslations("Family"),
    getLocale(),
    getTimeZone(),
  ]);
  const backLink = (
    <Link href="/account" className="text-brand-700 hover:underline">
      {t("back")}
    </Link>
  );
  // Each list is scoped to the signed-in user in its query: their codes as master, their memberships as a child.
  const [rows, memberships, offers] = await Promise.all([
    listMasterFamilyRequests(db, { masterUserId: user.id }),
    listFamilyMemberships(db, { childUserId: user.id }),
    listFamilySeatOffers(db, { masterUserId: user.id }),
  ]);
  const groups = groupBySubscription(rows);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          groups.length === 0 && memberships.length > 0 ? t("memberIntro") : t("masterIntro")
        }
        back={backLink}
      />
      <div className="space-y-6">
        {memberships.map((membership) => (
          <FamilyMembershipCard
            key={membership.code}
            membership={membership}
            leaveAction={leaveFamilyAction}
          />
        ))}
        {groups.length === 0 && memberships.length === 0 ? (
          <Card>
            <EmptyState title={t("emptyTitle")} description={t("emptyText")} />
          </Card>
        ) : null}
        {groups.map((group) => {
          const used = group.rows.filter((row) => row.request.status === "accepted").length;
          const live = group.rows.filter((row) => row.request.status !== "canceled").length;
          const offer = offers.find(
            (candidate) => candidate.masterSubscriptionId === group.subscription.id,
          );
          return (
            <Card
              key={group.subscription.id}
              data-testid={`family-subscription-${group.subscription.id}`}
            >
              <CardHeader
                title={group.subscription.typeName}
                description={`${formatDate(group.subscription.startAt, locale, timeZone)} – ${formatDate(group.subscription.endAt, locale, timeZone)} · ${t("codesUsed", { used, count: live })}`}
              />
              <ul className="divide-y divide-zinc-100">
                {group.rows.map((row) => (
                  <FamilyCodeRow
                    key={row.request.id}
                    row={{ ...row, link: familyActivationLink(row.request.code) }}
                    actions={codeActions}
                  />
                ))}
              </ul>
              {offer ? <AddSeatsSection offer={offer} /> : null}
            </Card>
          );
        })}
        {offers
          .filter(
            (offer) =>
              !groups.some((group) => group.subscription.id === offer.masterSubscriptionId),
          )
          .map((offer) => (
            <Card
              key={offer.masterSubscriptionId}
              data-testid={`family-subscription-${offer.masterSubscriptionId}`}
            >
              <CardHeader
                title={offer.masterTypeName}
                description={t("untilNoCodes", { date: formatDate(offer.endAt, locale, timeZone) })}
              />
              <CardBody className="p-0">
                <AddSeatsSection offer={offer} />
              </CardBody>
            </Card>
          ))}
      </div>
    </>
  );
}
