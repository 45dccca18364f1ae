import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { revokeUserToken } from "@/lib/users/revoke-user-token";

export const POST = apiRoute({ auth: { token: "user" } }, async ({ db, principal }) => {
  await revokeUserToken(db, { userId: principal.user.id, tokenId: principal.tokenId });
  return new NextResponse(null, { status: 204 });
});
