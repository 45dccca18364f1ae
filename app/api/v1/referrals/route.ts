import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { clientAddressOf } from "@/lib/http/client-address";
import { inviteAndSend } from "@/lib/referrals/invite-and-send";
import { listUserReferrals } from "@/lib/referrals/list-user-referrals";
import { serializeReferral, serializeReferralReward } from "@/lib/referrals/referral-json";
import { inviteFriendBodySchema } from "@/lib/api/operations/referrals";

// The referrer is the token's user: the referral is theirs and the list is scoped to them in the query.
export const POST = apiRoute(
  { auth: { token: "user" }, body: inviteFriendBodySchema },
  async ({ db, principal, body, request }) => {
    const { referral, sent } = await inviteAndSend(db, {
      referrerUserId: principal.user.id,
      email: body.email,
      name: body.name ?? null,
      clientAddress: clientAddressOf(request.headers),
    });
    return NextResponse.json(
      { referral: serializeReferral(referral), invitation_sent: sent },
      { status: 201 },
    );
  },
);

export const GET = apiRoute({ auth: { token: "user" } }, async ({ db, principal }) => {
  const listed = await listUserReferrals(db, { userId: principal.user.id });
  return NextResponse.json({
    referrals: listed.referrals.map(serializeReferral),
    rewards: listed.rewards.map(serializeReferralReward),
  });
});
