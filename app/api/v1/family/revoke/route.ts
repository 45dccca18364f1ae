import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { revokeFamilyCode } from "@/lib/family/revoke-family-code";
import { revokeFamilyBodySchema } from "@/lib/api/operations/family";

// The master is the token's user: only their own code is found.
export const POST = apiRoute(
  { auth: { token: "user" }, body: revokeFamilyBodySchema },
  async ({ db, principal, body }) => {
    const { canceled, replacement } = await revokeFamilyCode(db, {
      code: body.code,
      masterUserId: principal.user.id,
    });
    return NextResponse.json({
      code: canceled.code,
      status: canceled.status,
      cancel_reason: canceled.cancelReason,
      replacement_code: replacement.code,
    });
  },
);
