import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { findReferralRow } from "@/lib/referrals/admin/list-referrals";
import { serializeReferralRow } from "@/lib/referrals/admin/referral-admin-json";
import { approveReferral, rejectReferral } from "@/lib/referrals/review-referral";
import { referralIdParam } from "@/lib/referrals/referral-id-param";
import { reviewReferralBodySchema } from "@/lib/api/operations/referrals";

// An API token acts for no person (the system actor): the decision is recorded without a reviewer.
export const POST = apiRoute(
  { auth: { token: "api", scope: "referrals" }, body: reviewReferralBodySchema },
  async ({ db, params, body }) => {
    const referralId = referralIdParam(params);
    const review = body.decision === "approve" ? approveReferral : rejectReferral;
    await review(db, { referralId, actor: SYSTEM_ACTOR });
    const row = await findReferralRow(db, referralId);
    if (!row) throw new Error("a reviewed referral vanished");
    return NextResponse.json({ referral: serializeReferralRow(row) });
  },
);
