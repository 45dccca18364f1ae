import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { leaveFamily } from "@/lib/family/leave-family";
import { leaveFamilyBodySchema } from "@/lib/api/operations/family";

// The member is the token's user: only a request they activated is found.
export const POST = apiRoute(
  { auth: { token: "user" }, body: leaveFamilyBodySchema },
  async ({ db, principal, body }) => {
    const { canceled } = await leaveFamily(db, { code: body.code, childUserId: principal.user.id });
    return NextResponse.json({
      code: canceled.code,
      status: canceled.status,
      cancel_reason: canceled.cancelReason,
    });
  },
);
