import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/components/ui/format";
import type { DiscountCode } from "@/lib/db/schema";
import { checkoutPath } from "@/lib/payments/checkout-path";
import type { UserReward } from "@/lib/referrals/list-user-referrals";
import { describeReward } from "./program-summary";

type RewardsT = Awaited<ReturnType<typeof getTranslations<"Referrals.rewards">>>;
type FormatDay = (value: Date | null) => string;

/** A held reward waits for its date; one taken back says why; a granted code shows where it stands. */
function RewardState({
  reward,
  discountCode,
  t,
  day,
}: UserReward & { t: RewardsT; day: FormatDay }) {
  if (reward.status === "held") {
    return (
      <Badge tone="amber" data-testid="reward-held">
        {t("arrives", { date: day(reward.grantAt) })}
      </Badge>
    );
  }
  if (reward.status === "clawed_back") return <Badge tone="red">{t("takenBackBadge")}</Badge>;
  if (!discountCode) return null;
  return (
    <div className="flex items-center gap-2">
      <code
        className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs"
        data-testid="reward-discount-code"
      >
        {discountCode.code}
      </code>
      <DiscountCodeState code={discountCode} t={t} day={day} />
    </div>
  );
}

function DiscountCodeState({ code, t, day }: { code: DiscountCode; t: RewardsT; day: FormatDay }) {
  if (code.usedAt) return <Badge tone="gray">{t("used", { date: day(code.usedAt) })}</Badge>;
  if (code.paymentId !== null) {
    return (
      <Link
        href={checkoutPath(code.paymentId)}
        className="text-xs font-medium text-brand-700 hover:underline"
      >
        {t("applied", { id: code.paymentId })}
      </Link>
    );
  }
  return code.expiresAt ? (
    <Badge tone="green">{t("validUntil", { date: day(code.expiresAt) })}</Badge>
  ) : (
    <Badge tone="green">{t("unused")}</Badge>
  );
}

/** The rewards a user earned (for inviting, or for being invited), and the discount codes they can still use. */
export async function MyReferralRewards({
  rewards,
  unusedDiscountCodes,
}: {
  rewards: UserReward[];
  unusedDiscountCodes: DiscountCode[];
}) {
  const [t, locale, timeZone] = await Promise.all([
    getTranslations("Referrals.rewards"),
    getLocale(),
    getTimeZone(),
  ]);
  const day: FormatDay = (value) => formatDate(value, locale, timeZone);
  // Codes a reward row already shows are not listed twice.
  const rewardCodeIds = new Set(rewards.map((row) => row.discountCode?.id));
  const otherCodes = unusedDiscountCodes.filter((code) => !rewardCodeIds.has(code.id));
  return (
    <Card data-testid="my-referral-rewards">
      <CardHeader title={t("title")} description={t("description")} />
      {rewards.length === 0 && otherCodes.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("emptyText")} />
      ) : (
        <ul className="divide-y divide-zinc-100">
          {rewards.map(({ reward, discountCode }) => (
            <li
              key={reward.id}
              className="flex flex-wrap items-center justify-between gap-3 px-5 py-3"
              data-testid="reward-row"
              data-status={reward.status}
            >
              <div className="min-w-0">
                <p
                  className={
                    reward.status === "clawed_back"
                      ? "font-medium text-zinc-500 line-through"
                      : "font-medium text-zinc-900"
                  }
                  data-testid="reward-description"
                >
                  {describeReward(reward, locale)}
                </p>
                <p className="text-xs text-zinc-500">
                  {reward.role === "referrer" ? t("forReferrer") : t("forFriend")} ·{" "}
                  {day(reward.createdAt)}
                </p>
                {reward.status === "clawed_back" ? (
                  <p className="mt-0.5 text-xs text-red-700" data-testid="reward-taken-back">
                    {t("takenBack")}
                  </p>
                ) : null}
              </div>
              <RewardState reward={reward} discountCode={discountCode} t={t} day={day} />
            </li>
          ))}
          {otherCodes.map((code) => (
            <li
              key={`code-${code.id}`}
              className="flex flex-wrap items-center justify-between gap-3 px-5 py-3"
              data-testid="discount-code-row"
            >
              <p className="font-medium text-zinc-900">{t("discountCode")}</p>
              <div className="flex items-center gap-2">
                <code className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs">{code.code}</code>
                <DiscountCodeState code={code} t={t} day={day} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
