import "server-only";
import { sendTemplateEmail } from "@/lib/email/send-template-email";
import type { InstantNodeExecutor } from "../node-executor";

export const emailExecutor: InstantNodeExecutor<"email"> = {
  spansTime: false,
  async execute({ node, visit }) {
    // The idempotency key names this visit: a step retried after the send (a crash, a lost response) finds the
    // email already logged as sent and does not send it again.
    const result = await sendTemplateEmail(visit.db, {
      templateCode: node.config.template,
      userId: visit.userId,
      idempotencyKey: visit.idempotencyKey,
      scenario: { scenarioId: visit.scenarioId, nodeId: visit.nodeId },
      extra: {
        scenario: { id: visit.scenarioId, run_id: visit.runId },
        trigger: visit.trigger.payload,
      },
    });
    return {
      outcome: "out",
      facts: {
        template: node.config.template,
        email_id: result.entry.id,
        sent_now: result.sentNow,
      },
    };
  },
  async simulate({ node }) {
    return {
      outcome: "out",
      facts: { template: node.config.template },
      note: `Would send the email "${node.config.template}"`,
    };
  },
};
