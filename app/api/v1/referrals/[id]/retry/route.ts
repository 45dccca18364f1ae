import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { findReferralRow } from "@/lib/referrals/admin/list-referrals";
import { serializeReferralRow } from "@/lib/referrals/admin/referral-admin-json";
import { retryReferral } from "@/lib/referrals/review-referral";
import { referralIdParam } from "@/lib/referrals/referral-id-param";

export const POST = apiRoute(
  { auth: { token: "api", scope: "referrals" } },
  async ({ db, params }) => {
    const referralId = referralIdParam(params);
    await retryReferral(db, { referralId });
    const row = await findReferralRow(db, referralId);
    if (!row) throw new Error("a retried referral vanished");
    return NextResponse.json({ referral: serializeReferralRow(row) });
  },
);
