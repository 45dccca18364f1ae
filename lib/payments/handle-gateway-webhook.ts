import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { gatewayWebhookEvents } from "@/lib/db/schema";
import { isAppError, notFound } from "@/lib/errors";
import { getGateway } from "./gateways";
import type { GatewayWebhookEvent } from "./gateways/gateway";
import { recordDispute } from "./record-dispute";
import { recordRefund } from "./record-refund";
import { replaceSavedCard } from "@/lib/recurrent-payments/replace-saved-card";
import { settlePayment } from "./settle-payment";

export interface WebhookHandled {
  eventId: string;
  type: string;
  /** A redelivery of an event handled before: acknowledged, nothing done. */
  duplicate: boolean;
  /** What it did: settled (and how), refunded, disputed, or ignored. */
  result: string;
}

/**
 * One webhook delivery of a gateway: verified (a bad signature is a 400 and changes nothing), handled once per event
 * id, and applied through the same services as everything else — settlePayment (which settles a payment only while
 * it is pending, so a webhook racing the customer's own answer or reconciliation is harmless), recordRefund,
 * recordDispute. The event id is stored after it was applied: a crash in between makes the gateway deliver it again,
 * and applying it again changes nothing.
 */
export async function handleGatewayWebhook(
  db: Db,
  options: { gateway: string; rawBody: string; headers: Headers },
): Promise<WebhookHandled> {
  const gateway = getGateway(options.gateway);
  if (!gateway.parseWebhook)
    throw notFound("webhook_not_supported", `The ${gateway.name} gateway has no webhooks.`);
  const event = await gateway.parseWebhook(options.rawBody, options.headers);
  const [seen] = await db
    .select({ id: gatewayWebhookEvents.id })
    .from(gatewayWebhookEvents)
    .where(
      and(
        eq(gatewayWebhookEvents.gateway, gateway.code),
        eq(gatewayWebhookEvents.eventId, event.id),
      ),
    );
  if (seen) return { eventId: event.id, type: event.type, duplicate: true, result: "duplicate" };

  const result = await apply(db, gateway.code, event);
  await db
    .insert(gatewayWebhookEvents)
    .values({
      gateway: gateway.code,
      eventId: event.id,
      type: event.type,
      paymentId:
        "paymentId" in event.effect && result !== "unknown_payment" ? event.effect.paymentId : null,
    })
    .onConflictDoNothing();
  return { eventId: event.id, type: event.type, duplicate: false, result };
}

async function apply(db: Db, gatewayCode: string, event: GatewayWebhookEvent): Promise<string> {
  const { effect } = event;
  try {
    switch (effect.kind) {
      case "ignored":
        return "ignored";
      case "settle":
        return `settled:${(await settlePayment(db, { paymentId: effect.paymentId, outcome: effect.outcome })).status}`;
      case "refunded":
        await recordRefund(db, { paymentId: effect.paymentId });
        return "refunded";
      case "disputed":
        return (await recordDispute(db, { paymentId: effect.paymentId }))
          ? "disputed"
          : "unknown_payment";
      case "card_saved":
        return (await replaceSavedCard(db, {
          userId: effect.userId,
          gateway: gatewayCode,
          cardToken: effect.cardToken,
          card: effect.card,
        })) > 0
          ? "card_saved"
          : "no_renewal";
    }
  } catch (error) {
    // A payment we do not have (another installation's, a deleted one): acknowledged, so the gateway stops retrying.
    if (isAppError(error) && error.code === "payment_not_found") return "unknown_payment";
    // A refund of a payment that is not paid here (say still pending): the gateway retries it later.
    throw error;
  }
}
