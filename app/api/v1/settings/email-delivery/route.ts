import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { updateEmailDeliveryBodySchema } from "@/lib/api/operations/settings";
import { updateEmailDeliverySettings } from "@/lib/email/consent/update-delivery-settings";
import { getSetting } from "@/lib/settings";

const auth = { token: "api", scope: "email:delivery" } as const;

export const GET = apiRoute({ auth }, async ({ db }) => {
  return NextResponse.json({ email_delivery: await getSetting(db, "email.delivery") });
});

export const PATCH = apiRoute(
  { auth, body: updateEmailDeliveryBodySchema },
  async ({ db, body }) => {
    return NextResponse.json({ email_delivery: await updateEmailDeliverySettings(db, body) });
  },
);
