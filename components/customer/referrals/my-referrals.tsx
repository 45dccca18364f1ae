import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { maskEmail } from "@/lib/mask-email";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/components/ui/format";
import { Folded, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { Referral } from "@/lib/db/schema";
import { ReferralStatusBadge, referralState } from "./referral-status-badge";

/** The referrals a user made, newest first; an invited address shows as the user typed it, a friend who came through the link is masked (an address they never gave us). */
export async function MyReferrals({ referrals }: { referrals: Referral[] }) {
  const [t, locale, timeZone] = await Promise.all([
    getTranslations("Referrals"),
    getLocale(),
    getTimeZone(),
  ]);
  const date = (value: Date | null) => formatDate(value, locale, timeZone);
  return (
    <Card data-testid="my-referrals">
      <CardHeader title={t("list.title")} description={t("list.description")} />
      {referrals.length === 0 ? (
        <EmptyState title={t("list.emptyTitle")} description={t("list.emptyText")} />
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>{t("list.friend")}</Th>
              <Th>{t("list.status")}</Th>
              <Th hideBelow="sm">{t("list.since")}</Th>
              <Th hideBelow="sm">{t("list.completed")}</Th>
            </Tr>
          </THead>
          <TBody>
            {referrals.map((referral) => {
              const state = referralState(referral);
              return (
                <Tr key={referral.id} data-testid="referral-row" data-status={state}>
                  <Td>
                    <span
                      className="font-medium break-all text-zinc-900"
                      data-testid="referral-email"
                    >
                      {referral.source === "invitation"
                        ? referral.referredEmail
                        : maskEmail(referral.referredEmail)}
                    </span>
                    {referral.referredName ? (
                      <span className="ml-2 text-zinc-500">{referral.referredName}</span>
                    ) : null}
                    <span className="block text-xs text-zinc-500">
                      {referral.source === "link" ? t("list.throughLink") : t("list.invited")}
                    </span>
                    {/* On a phone the dates sit under the friend: the table keeps to the screen. */}
                    <Folded below="sm" label={t("list.since")}>
                      {date(referral.createdAt)}
                      {referral.status === "pending" && referral.expiresAt ? (
                        <> · {t("list.expires", { date: date(referral.expiresAt) })}</>
                      ) : null}
                    </Folded>
                    {referral.completedAt ? (
                      <Folded below="sm" label={t("list.completed")}>
                        {date(referral.completedAt)}
                      </Folded>
                    ) : null}
                  </Td>
                  <Td>
                    <ReferralStatusBadge state={state} label={t(`state.${state}`)} />
                    {referral.status === "complete" && referral.rewardCapped ? (
                      <span className="block text-xs text-zinc-500">{t("list.capped")}</span>
                    ) : null}
                  </Td>
                  <Td className="whitespace-nowrap" hideBelow="sm">
                    {date(referral.createdAt)}
                    {referral.status === "pending" && referral.expiresAt ? (
                      <span className="block text-xs text-zinc-500">
                        {t("list.expires", { date: date(referral.expiresAt) })}
                      </span>
                    ) : null}
                  </Td>
                  <Td className="whitespace-nowrap" hideBelow="sm" data-testid="referral-completed">
                    {date(referral.completedAt)}
                  </Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
