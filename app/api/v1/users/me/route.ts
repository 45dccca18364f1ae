import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { loadCurrentSubscriptions } from "@/lib/subscriptions/load-current-subscriptions";
import { serializeUser } from "@/lib/users/user-json";
import type { Db } from "@/lib/db";
import type { User } from "@/lib/db/schema";
import { updateProfile } from "@/lib/users/update-profile";
import { updateMeBodySchema } from "@/lib/api/operations/users";

async function meResponse(db: Db, user: User): Promise<NextResponse> {
  const current = await loadCurrentSubscriptions(db, { userId: user.id });
  return NextResponse.json({
    user: {
      ...serializeUser(user),
      address_line1: user.addressLine1,
      address_line2: user.addressLine2,
      postal_code: user.postalCode,
      city: user.city,
      country: user.country,
      locale: user.locale,
      time_zone: user.timeZone,
    },
    content_access: current.contentAccess,
    subscriptions: current.subscriptions,
  });
}

export const GET = apiRoute({ auth: { token: "user" } }, async ({ db, principal }) =>
  meResponse(db, principal.user),
);

export const PATCH = apiRoute(
  { auth: { token: "user" }, body: updateMeBodySchema },
  async ({ db, principal, body }) => {
    const user = await updateProfile(db, {
      userId: principal.user.id,
      changes: {
        name: body.name,
        addressLine1: body.address_line1,
        addressLine2: body.address_line2,
        postalCode: body.postal_code,
        city: body.city,
        country: body.country,
        locale: body.locale,
        timeZone: body.time_zone,
      },
    });
    return meResponse(db, user);
  },
);
