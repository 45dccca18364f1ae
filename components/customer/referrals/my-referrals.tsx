import { maskEmail } from "@/lib/mask-email";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/components/ui/format";
import { Folded, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { Referral } from "@/lib/db/schema";
import { ReferralStatusBadge, referralState } from "./referral-status-badge";

/** The referrals a user made, newest first; an invited address shows as the user typed it, a friend who came through the link is masked (an address they never gave us). */
export function MyReferrals({ referrals }: { referrals: Referral[] }) {
  return (
    <Card data-testid="my-referrals">
      <CardHeader
        title="Your referrals"
        description="Friends you invited or who signed up through your link."
      />
      {referrals.length === 0 ? (
        <EmptyState
          title="No referrals yet"
          description="Share your link or invite a friend by email."
        />
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>Friend</Th>
              <Th>Status</Th>
              <Th hideBelow="sm">Since</Th>
              <Th hideBelow="sm">Completed</Th>
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
                      {referral.source === "link" ? "Through your link" : "Invited by email"}
                    </span>
                    {/* On a phone the dates sit under the friend: the table keeps to the screen. */}
                    <Folded below="sm" label="Since">
                      {formatDate(referral.createdAt)}
                      {referral.status === "pending" && referral.expiresAt ? (
                        <> · Expires {formatDate(referral.expiresAt)}</>
                      ) : null}
                    </Folded>
                    {referral.completedAt ? (
                      <Folded below="sm" label="Completed">
                        {formatDate(referral.completedAt)}
                      </Folded>
                    ) : null}
                  </Td>
                  <Td>
                    <ReferralStatusBadge state={state} />
                    {referral.status === "complete" && referral.rewardCapped ? (
                      <span className="block text-xs text-zinc-500">Past the reward limit</span>
                    ) : null}
                  </Td>
                  <Td className="whitespace-nowrap" hideBelow="sm">
                    {formatDate(referral.createdAt)}
                    {referral.status === "pending" && referral.expiresAt ? (
                      <span className="block text-xs text-zinc-500">
                        Expires {formatDate(referral.expiresAt)}
                      </span>
                    ) : null}
                  </Td>
                  <Td className="whitespace-nowrap" hideBelow="sm" data-testid="referral-completed">
                    {formatDate(referral.completedAt)}
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
