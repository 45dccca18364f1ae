import { describe, expect, it } from "vitest";
import { createDocument } from "zod-openapi";
import { DOMAIN_EVENT_NAMES } from "@/lib/events/event-names";
import { domainEventComponents } from "@/lib/events/openapi-events";

const document = createDocument({
  openapi: "3.1.0",
  info: { title: "events", version: "1" },
  components: { schemas: domainEventComponents },
});
const schemas = document.components?.schemas as Record<
  string,
  { oneOf?: { $ref: string }[]; properties?: Record<string, unknown>; description?: string }
>;

describe("the domain events in the OpenAPI document", () => {
  it("documents every domain event name as one DomainEvent variant with its payload schema", () => {
    expect(schemas.DomainEvent?.oneOf).toHaveLength(DOMAIN_EVENT_NAMES.length);
    expect(schemas.PaymentPaidDomainEvent).toMatchObject({
      description: "A payment turned paid.",
      properties: {
        name: { const: "payment.paid" },
        payload: { $ref: "#/components/schemas/PaymentPaidDomainEventPayload" },
      },
    });
    expect(schemas.PaymentPaidDomainEventPayload?.properties).toMatchObject({
      payment_id: { type: "integer", exclusiveMinimum: 0 },
    });
    expect(schemas.RecurrentPaymentStateChangedDomainEvent?.properties).toMatchObject({
      name: { const: "recurrent_payment.state_changed" },
    });
  });
});
