import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { deliverEventsAfterResponse } from "@/lib/events/deliver-after-response";
import { handleGatewayWebhook } from "@/lib/payments/handle-gateway-webhook";

/**
 * Stripe's webhook endpoint (configure it in Stripe with the events checkout.session.completed and .expired,
 * payment_intent.succeeded and .payment_failed, charge.refunded, charge.dispute.created). The body is read raw:
 * the signature covers the exact bytes.
 */
export async function POST(request: NextRequest) {
  const rawBody = await request.text();
  try {
    const handled = await handleGatewayWebhook(await getDb(), {
      gateway: "stripe",
      rawBody,
      headers: request.headers,
    });
    deliverEventsAfterResponse();
    return NextResponse.json({
      received: true,
      duplicate: handled.duplicate,
      result: handled.result,
    });
  } catch (error) {
    if (isAppError(error))
      return NextResponse.json(
        { error: error.code, message: error.message },
        { status: error.status },
      );
    console.error("Stripe webhook failed", error);
    return NextResponse.json(
      { error: "internal_error", message: "The webhook could not be handled; it will be retried." },
      { status: 500 },
    );
  }
}
