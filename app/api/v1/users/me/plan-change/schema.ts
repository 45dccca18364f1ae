import { z } from "zod";
import { recurrentPaymentSchema } from "@/lib/api/entity-schemas";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { codeSchema } from "@/lib/subscriptions/subscription-type-schemas";

export const planChangeBodySchema = z
  .strictObject({
    subscription_type_code: codeSchema.meta({ description: "Another length of the current plan, or a cheaper offered plan with no new content." }),
  })
  .meta({ id: "PlanChangeRequest" });

export const planChangeResponseSchema = z
  .object({
    recurrent_payment: recurrentPaymentSchema,
    next_subscription_type_code: z.string().meta({ description: "What the next renewal buys." }),
  })
  .meta({ id: "PlanChangeResponse" });

export const schedulePlanChangeOperation = defineOperation({
  operationId: "scheduleMyPlanChange",
  summary: "Switch my plan at the next renewal",
  description: "The active renewal's next charge buys the chosen plan at its price; until then nothing changes.",
  tags: ["Billing"],
  auth: { token: "user" },
  body: planChangeBodySchema,
  responses: { "200": { description: "Scheduled.", content: jsonContent(planChangeResponseSchema) } },
  errors: { 404: ["renewal_not_found"], 409: ["renewal_not_active", "plan_change_not_allowed"] },
});

export const cancelPlanChangeOperation = defineOperation({
  operationId: "cancelMyPlanChange",
  summary: "Cancel my scheduled plan change",
  description: "The next renewal buys what the current plan renews into again.",
  tags: ["Billing"],
  auth: { token: "user" },
  responses: { "200": { description: "Cancelled.", content: jsonContent(planChangeResponseSchema) } },
  errors: { 404: ["renewal_not_found", "plan_change_not_found"], 409: ["renewal_not_active"] },
});
