import { z } from "zod";
import { recurrentPaymentSchema } from "@/lib/api/entity-schemas";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";

export const renewalBodySchema = z
  .strictObject({
    action: z.enum(["stop", "resume"]).meta({ description: "`resume` only while the subscription it renews still runs." }),
  })
  .meta({ id: "RenewalRequest" });

export const renewalResponseSchema = z.object({ recurrent_payment: recurrentPaymentSchema }).meta({ id: "RenewalResponse" });

export const setRenewalOperation = defineOperation({
  operationId: "setMyRenewal",
  summary: "Stop or resume my automatic renewal",
  description: "Stopping keeps the subscription running to its end; resuming is possible until then. Repeating an action changes nothing.",
  tags: ["Billing"],
  auth: { token: "user" },
  body: renewalBodySchema,
  responses: { "200": { description: "The renewal.", content: jsonContent(renewalResponseSchema) } },
  errors: { 404: ["renewal_not_found"], 409: ["renewal_not_active", "renewal_not_stopped", "renewal_ended"] },
});
