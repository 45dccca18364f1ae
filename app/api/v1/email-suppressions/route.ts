import { apiRoute, NextResponse } from "@/lib/api/api-route";
import {
  addEmailSuppressionBodySchema,
  EMAIL_AUTH,
  listEmailSuppressionsQuerySchema,
} from "@/lib/api/operations/email";
import { addEmailSuppression } from "@/lib/email/suppressions/add-email-suppression";
import { serializeEmailSuppression } from "@/lib/email/suppressions/email-suppression-json";
import { listEmailSuppressions } from "@/lib/email/suppressions/list-email-suppressions";

export const GET = apiRoute(
  { auth: EMAIL_AUTH, query: listEmailSuppressionsQuerySchema },
  async ({ db, query }) => {
    const rows = await listEmailSuppressions(db, { address: query.address });
    return NextResponse.json({
      suppressed: rows.some((row) => row.liftedAt === null),
      suppressions: rows.map(serializeEmailSuppression),
    });
  },
);

export const POST = apiRoute(
  { auth: EMAIL_AUTH, body: addEmailSuppressionBodySchema },
  async ({ db, body }) => {
    const row = await addEmailSuppression(db, { address: body.address, detail: body.detail });
    return NextResponse.json({ suppression: serializeEmailSuppression(row) }, { status: 201 });
  },
);
