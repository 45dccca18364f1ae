import { NonRetriableError } from "inngest";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { sendTemplateEmail as send } from "@/lib/email/send-template-email";
import { isAppError } from "@/lib/errors";
import { inngest } from "../client";
import { EMAIL_REQUESTED_EVENT, TEST_EMAIL_CUSTOM_EVENT } from "../events";

const dataSchema = z.object({
  user_id: z.number().int().positive(),
  template_code: z.string().min(1).max(64),
  idempotency_key: z.string().min(1).max(300).optional(),
  extra: z.record(z.string(), z.unknown()).optional(),
});

/**
 * Send a template email as a step: retried on failure, and sent at most once per idempotency key (the email log's
 * unique key), so a retried or replayed run never sends twice.
 */
export const sendTemplateEmail = inngest.createFunction(
  {
    id: "send-template-email",
    retries: 5,
    triggers: [{ event: EMAIL_REQUESTED_EVENT }, { event: TEST_EMAIL_CUSTOM_EVENT }],
  },
  async ({ event, step }) => {
    const data = dataSchema.parse(event.data);
    const key = data.idempotency_key ?? `event:${event.id}`;
    return step.run(`send-${key}`, async () => {
      try {
        const { entry, sentNow } = await send(await getDb(), {
          templateCode: data.template_code,
          userId: data.user_id,
          idempotencyKey: key,
          extra: data.extra,
        });
        return { email_log_id: entry.id, status: entry.status, sent_now: sentNow };
      } catch (error) {
        // A missing template or user will not appear by retrying; a delivery failure may pass.
        if (isAppError(error)) throw new NonRetriableError(error.message, { cause: error });
        throw error;
      }
    });
  },
);
