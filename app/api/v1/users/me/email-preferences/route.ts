import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { updateEmailPreferencesBodySchema } from "@/lib/api/operations/email-topics";
import type { Db } from "@/lib/db";
import { loadEmailPreferences, setEmailPreferences } from "@/lib/email/consent/email-preferences";
import { serializeEmailPreference } from "@/lib/email/consent/email-topic-json";

async function preferencesResponse(db: Db, userId: number): Promise<NextResponse> {
  const preferences = await loadEmailPreferences(db, userId);
  return NextResponse.json({ preferences: preferences.map(serializeEmailPreference) });
}

export const GET = apiRoute({ auth: { token: "user" } }, async ({ db, principal }) =>
  preferencesResponse(db, principal.user.id),
);

/** The token's own user only: the id comes from the token, never from the body. */
export const PUT = apiRoute(
  { auth: { token: "user" }, body: updateEmailPreferencesBodySchema },
  async ({ db, principal, body }) => {
    await setEmailPreferences(db, {
      userId: principal.user.id,
      changes: body.preferences,
      source: "api",
    });
    return preferencesResponse(db, principal.user.id);
  },
);
