import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { requireUserPageView } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { RECEIPT_DOCUMENT_KINDS } from "@/lib/receipts/receipt-document";
import { customerReceiptPath } from "@/lib/receipts/receipt-paths";
import { receiptPdfResponse } from "@/lib/receipts/receipt-pdf-response";

const paramsSchema = z.object({ paymentId: z.coerce.number().int().positive().max(2_147_483_647) });
const querySchema = z.object({
  document: z.enum(RECEIPT_DOCUMENT_KINDS).catch("receipt").default("receipt"),
});

const notFoundResponse = () =>
  new NextResponse("No such receipt.", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });

/** The signed-in customer's receipt or credit note PDF (the billing page links here); ownership is in the query. */
export async function GET(
  request: NextRequest,
  segment: { params: Promise<{ paymentId: string }> },
) {
  const params = paramsSchema.safeParse(await segment.params);
  const kind = querySchema.parse(Object.fromEntries(request.nextUrl.searchParams)).document;
  const { user, billingShown } = await requireUserPageView(
    params.success ? customerReceiptPath(params.data.paymentId, kind) : "/account",
  );
  // A staff member viewing the account whose role does not see billing gets no receipt either.
  if (!params.success || !billingShown) return notFoundResponse();
  try {
    return await receiptPdfResponse(await getDb(), {
      paymentId: params.data.paymentId,
      userId: user.id,
      kind,
    });
  } catch (error) {
    if (isAppError(error) && error.code === "receipt_not_found") return notFoundResponse();
    throw error;
  }
}
