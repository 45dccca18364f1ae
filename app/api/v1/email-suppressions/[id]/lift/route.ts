import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { EMAIL_AUTH } from "@/lib/api/operations/email";
import { pathIdParam } from "@/lib/api/path-id-param";
import { serializeEmailSuppression } from "@/lib/email/suppressions/email-suppression-json";
import { liftEmailSuppression } from "@/lib/email/suppressions/lift-email-suppression";
import { notFound } from "@/lib/errors";

export const POST = apiRoute({ auth: EMAIL_AUTH }, async ({ db, params }) => {
  const suppressionId = pathIdParam(params, "id", () =>
    notFound("email_suppression_not_found", "No active suppression with that id."),
  );
  // A token acts for no person: the audit log names it; lifted_by stays empty.
  const row = await liftEmailSuppression(db, { suppressionId, liftedBy: null });
  return NextResponse.json({ suppression: serializeEmailSuppression(row) });
});
