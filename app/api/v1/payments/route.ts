import { apiRoute, NextResponse } from "@/lib/api/api-route";
import {
  findIdempotentPayment,
  readIdempotencyKey,
  requestFingerprint,
  scopedIdempotencyKey,
} from "@/lib/api/idempotency";
import { loadPaymentResult } from "@/lib/payments/load-payment-result";
import { requireUser } from "@/lib/api/require-user";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { invalid } from "@/lib/errors";
import { createPayment } from "@/lib/payments/create-payment";
import { markPaymentPaid } from "@/lib/payments/mark-payment-paid";
import { createPaymentBodySchema } from "@/lib/api/operations/payments";

export const POST = apiRoute(
  { auth: { token: "api", scope: "payments:write" }, body: createPaymentBodySchema },
  async ({ db, body, principal, request }) => {
    const key = readIdempotencyKey(request.headers);
    if (body.paid_at && body.status !== "paid") {
      throw invalid("paid_at_requires_paid_status", 'paid_at is only allowed with status "paid".');
    }
    if (body.paid_at && body.paid_at.getTime() > now().getTime()) {
      throw invalid("paid_at_in_future", "paid_at cannot be in the future.");
    }
    const idempotency = key
      ? {
          scopedKey: scopedIdempotencyKey(principal.tokenId, key),
          fingerprint: requestFingerprint(body),
        }
      : null;

    // Creating and paying is one transaction: a failure anywhere leaves no payment, item, subscription or event.
    const { result, replayed } = await db.transaction(async (tx) => {
      const earlier = idempotency ? await findIdempotentPayment(tx, idempotency) : null;
      if (earlier !== null) return { result: await loadPaymentResult(tx, earlier), replayed: true };
      await requireUser(tx, body.user_id, { serialize: true });
      const { payment } = await createPayment(tx, {
        userId: body.user_id,
        items: body.items.map((item) => ({
          subscriptionTypeCode: item.subscription_type_code,
          count: item.count,
          amountCents: item.amount_cents,
        })),
        gateway: body.gateway,
        recurrentCardToken: body.recurrent?.card_token ?? null,
        meta: idempotency
          ? {
              idempotency_key: idempotency.scopedKey,
              idempotency_fingerprint: idempotency.fingerprint,
            }
          : {},
      });
      if (body.status === "paid")
        await markPaymentPaid(tx, {
          paymentId: payment.id,
          paidAt: body.paid_at,
          actor: SYSTEM_ACTOR,
        });
      return { result: await loadPaymentResult(tx, payment.id), replayed: false };
    });
    return NextResponse.json(result, {
      status: 201,
      headers: replayed ? { "Idempotent-Replayed": "true" } : undefined,
    });
  },
);
