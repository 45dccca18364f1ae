import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { loadCurrentSubscriptions } from "@/lib/api/load-current-subscriptions";
import { serializeUser } from "@/lib/api/serializers";

export const GET = apiRoute({ auth: { token: "user" } }, async ({ db, principal }) => {
  const current = await loadCurrentSubscriptions(db, { userId: principal.user.id });
  return NextResponse.json({
    user: serializeUser(principal.user),
    content_access: current.contentAccess,
    subscriptions: current.subscriptions,
  });
});
