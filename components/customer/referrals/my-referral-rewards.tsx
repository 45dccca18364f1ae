import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/components/ui/format";
import type { DiscountCode } from "@/lib/db/schema";
import { checkoutPath } from "@/lib/payments/checkout-path";
import type { UserReward } from "@/lib/referrals/list-user-referrals";

/** A held reward waits for its date; one taken back says why; a granted code shows where it stands. */
function RewardState({ reward, discountCode }: UserReward) {
  if (reward.status === "held") {
    return (
      <Badge tone="amber" data-testid="reward-held">
        Arrives {formatDate(reward.grantAt)}
      </Badge>
    );
  }
  if (reward.status === "clawed_back") return <Badge tone="red">Taken back</Badge>;
  if (!discountCode) return null;
  return (
    <div className="flex items-center gap-2">
      <code
        className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs"
        data-testid="reward-discount-code"
      >
        {discountCode.code}
      </code>
      <DiscountCodeState code={discountCode} />
    </div>
  );
}

function DiscountCodeState({ code }: { code: DiscountCode }) {
  if (code.usedAt) return <Badge tone="gray">Used {formatDate(code.usedAt)}</Badge>;
  if (code.paymentId !== null) {
    return (
      <Link
        href={checkoutPath(code.paymentId)}
        className="text-xs font-medium text-brand-700 hover:underline"
      >
        Applied to payment #{code.paymentId}
      </Link>
    );
  }
  return code.expiresAt ? (
    <Badge tone="green">Valid until {formatDate(code.expiresAt)}</Badge>
  ) : (
    <Badge tone="green">Unused</Badge>
  );
}

/** The rewards a user earned (for inviting, or for being invited), and the discount codes they can still use. */
export function MyReferralRewards({
  rewards,
  unusedDiscountCodes,
}: {
  rewards: UserReward[];
  unusedDiscountCodes: DiscountCode[];
}) {
  // Codes a reward row already shows are not listed twice.
  const rewardCodeIds = new Set(rewards.map((row) => row.discountCode?.id));
  const otherCodes = unusedDiscountCodes.filter((code) => !rewardCodeIds.has(code.id));
  return (
    <Card data-testid="my-referral-rewards">
      <CardHeader
        title="Your rewards"
        description="What you earned through referrals. Enter a discount code at checkout; a card renewal takes your next free code by itself."
      />
      {rewards.length === 0 && otherCodes.length === 0 ? (
        <EmptyState
          title="No rewards yet"
          description="When a referral completes, its reward appears here."
        />
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
                  {reward.description}
                </p>
                <p className="text-xs text-zinc-500">
                  {reward.role === "referrer"
                    ? "For a friend you referred"
                    : "For joining through a friend"}{" "}
                  · {formatDate(reward.createdAt)}
                </p>
                {reward.status === "clawed_back" && reward.clawbackReason ? (
                  <p className="mt-0.5 text-xs text-red-700" data-testid="reward-taken-back">
                    Taken back: {reward.clawbackReason}
                  </p>
                ) : null}
              </div>
              <RewardState reward={reward} discountCode={discountCode} />
            </li>
          ))}
          {otherCodes.map((code) => (
            <li
              key={`code-${code.id}`}
              className="flex flex-wrap items-center justify-between gap-3 px-5 py-3"
              data-testid="discount-code-row"
            >
              <p className="font-medium text-zinc-900">Discount code</p>
              <div className="flex items-center gap-2">
                <code className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs">{code.code}</code>
                <DiscountCodeState code={code} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
