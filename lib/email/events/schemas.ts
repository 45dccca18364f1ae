import { z } from "zod";

/** What a mail provider reports about a sent email (engagement — opens, clicks — is recorded by the tracking routes). */
export const DELIVERY_EVENT_TYPES = ["delivered", "bounced", "complained", "deferred"] as const;
export type DeliveryEventType = (typeof DELIVERY_EVENT_TYPES)[number];

/** `hard`: the address does not take mail (suppressed); `soft`: a transient failure (never suppresses). */
export const BOUNCE_TYPES = ["hard", "soft"] as const;
export type BounceType = (typeof BOUNCE_TYPES)[number];

/** The Message-ID of an email, with or without its angle brackets. UI-safe. */
export const messageIdSchema = z
  .string()
  .trim()
  .min(3)
  .max(998)
  .transform((value) => value.replace(/^<(.*)>$/, "$1").trim())
  .refine((value) => value.length > 0 && !/[\s<>]/.test(value), {
    message: "A Message-ID, e.g. 3f2c…@mail.example.com (angle brackets optional).",
  });

/** One delivery event for lib/email/events/record-delivery-event.ts. */
export const deliveryEventInputSchema = z
  .object({
    messageId: messageIdSchema,
    type: z.enum(DELIVERY_EVENT_TYPES),
    bounceType: z.enum(BOUNCE_TYPES).optional(),
    occurredAt: z.date(),
    /** The provider's id of the event: the same id is recorded once. Without it, the same event (email, type, bounce type, moment) is. */
    externalId: z.string().trim().min(1).max(300).optional(),
    detail: z.string().max(2000).optional(),
    /** Also match the provider's own message id (SES rewrites Message-ID); the API names ours. */
    matchProviderMessageId: z.boolean().optional(),
  })
  .superRefine((event, context) => {
    if (event.type === "bounced" && !event.bounceType)
      context.addIssue({
        code: "custom",
        path: ["bounceType"],
        message: "A bounce needs its bounce_type: hard or soft.",
      });
    if (event.type !== "bounced" && event.bounceType)
      context.addIssue({
        code: "custom",
        path: ["bounceType"],
        message: "Only a bounce has a bounce_type.",
      });
  });
export type DeliveryEventInput = z.input<typeof deliveryEventInputSchema>;
