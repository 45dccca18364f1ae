import { z } from "zod";
import { paymentSchema } from "@/lib/api/entity-schemas";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { FAMILY_SEATS_MAX_COUNT } from "@/lib/family/family-seat-price";
import { codeSchema } from "@/lib/subscriptions/subscription-type-schemas";

export const familySeatsBodySchema = z
  .strictObject({
    count: z.number().int().min(1).max(FAMILY_SEATS_MAX_COUNT).meta({ description: "How many seats to add.", example: 2 }),
    master_subscription_id: z
      .number()
      .int()
      .positive()
      .optional()
      .meta({ description: "The family subscription; omitted: the running one that ends last." }),
    subscription_type_code: codeSchema
      .optional()
      .meta({ description: "The seats' child type, for a customizable family with several; omitted when there is one." }),
  })
  .meta({ id: "FamilySeatsRequest" });

export const familySeatsResponseSchema = z
  .object({
    payment: paymentSchema,
    checkout_url: z.string().meta({ description: "Send the customer here to pay; the seats are added once it is paid." }),
  })
  .meta({ id: "FamilySeatsResponse" });

export const buyFamilySeatsOperation = defineOperation({
  operationId: "buyFamilySeats",
  summary: "Buy extra family seats",
  description:
    "The signed-in master of a running dynamic or customizable family subscription buys extra seats for the rest of " +
    "it. Each seat costs round(R · P / L): R whole days left, P a seat's price for L days (the child type's price and " +
    "length; for a dynamic family what the master paid per seat and the master type's length). Creates an unpaid card " +
    "payment; paying it at `checkout_url` adds the codes to the master subscription (no new subscription is bought).",
  tags: ["Family"],
  auth: { token: "user" },
  body: familySeatsBodySchema,
  responses: { "201": { description: "Payment created.", content: jsonContent(familySeatsResponseSchema) } },
  errors: {
    400: ["family_seat_type_required", "family_seat_type_invalid"],
    404: ["family_subscription_not_found"],
    409: ["family_seats_unavailable"],
  },
});
