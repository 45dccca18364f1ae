import "server-only";
import { NextResponse } from "next/server";
import type { Db } from "@/lib/db";
import { loadReceiptDocument, type LoadReceiptDocumentOptions } from "./load-receipt-document";
import { receiptFileName } from "./receipt-document";
import { renderReceiptPdf } from "./render-receipt-pdf";

/** The user's receipt or credit note as a PDF download; throws `receipt_not_found` (404) when there is none. */
export async function receiptPdfResponse(
  db: Db,
  options: LoadReceiptDocumentOptions,
): Promise<NextResponse> {
  const receipt = await loadReceiptDocument(db, options);
  const pdf = await renderReceiptPdf(receipt);
  return new NextResponse(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${receiptFileName(receipt)}"`,
      "content-length": String(pdf.length),
      // A customer's document: never kept by a shared cache.
      "cache-control": "private, no-store",
    },
  });
}
