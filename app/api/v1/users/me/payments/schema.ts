import { z } from "zod";
import { timestampSchema } from "@/lib/api/entity-schemas";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { pageQueryFields } from "@/lib/api/scenario-route-params";
import { paymentStatus } from "@/lib/db/schema";

export const listMyPaymentsQuerySchema = z.strictObject({ ...pageQueryFields });

const myPaymentItemSchema = z
  .object({
    name: z.string(),
    count: z.number().int(),
    amount_cents: z.number().int().meta({ description: "Price of one unit, in cents." }),
  })
  .meta({ id: "MyPaymentItem" });

export const myPaymentSchema = z
  .object({
    id: z.number().int(),
    status: z.enum(paymentStatus.enumValues),
    amount_cents: z.number().int(),
    created_at: timestampSchema,
    paid_at: timestampSchema.nullable(),
    refunded_at: timestampSchema.nullable(),
    items: z.array(myPaymentItemSchema),
    receipt_number: z.string().nullable().meta({ description: "Assigned when paid (`2026-000042`)." }),
    credit_note_number: z.string().nullable().meta({ description: "Assigned when refunded (`CN-2026-000007`)." }),
    receipt_url: z.string().nullable().meta({ description: "The receipt PDF (GET with the user token); null until paid." }),
    credit_note_url: z.string().nullable().meta({ description: "The credit note PDF; null unless refunded." }),
  })
  .meta({ id: "MyPayment" });

export const myPaymentsResponseSchema = z
  .object({ payments: z.array(myPaymentSchema), total: z.number().int() })
  .meta({ id: "MyPaymentList" });

export const listMyPaymentsOperation = defineOperation({
  operationId: "listMyPayments",
  summary: "The signed-in user's payments, newest first, with receipt links",
  tags: ["Users"],
  auth: { token: "user" },
  query: listMyPaymentsQuerySchema,
  responses: { "200": { description: "A page of payments and the total.", content: jsonContent(myPaymentsResponseSchema) } },
});
