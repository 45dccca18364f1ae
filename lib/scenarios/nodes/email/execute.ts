import "server-only";
import { sendTemplateEmail } from "@/lib/email/send-template-email";
import type { HeldResult, InstantNodeExecutor, NodeResult } from "../node-executor";

/**
 * Sends the template once per visit. An email the delivery policy keeps from the user (a topic they left, a
 * suppressed address, and — unless the node delays — the frequency cap or quiet hours) is recorded as the visit's
 * outcome `skipped` with its reason, and the journey goes on along `out`. A node that delays returns the moment the
 * email may go instead: the walker sleeps until then and calls it again (`sleepWhileHeld`).
 */
export const emailExecutor: InstantNodeExecutor<"email", NodeResult | HeldResult> = {
  spansTime: false,
  async execute({ node, visit }) {
    const options = {
      templateCode: node.config.template,
      userId: visit.userId,
      // The idempotency key names this visit: a step retried after the send (a crash, a lost response) finds the
      // email already logged as sent and does not send it again; a held email's later tries keep it too.
      idempotencyKey: visit.idempotencyKey,
      scenario: { scenarioId: visit.scenarioId, nodeId: visit.nodeId },
      extra: {
        scenario: { id: visit.scenarioId, run_id: visit.runId },
        trigger: visit.trigger.payload,
      },
    };
    const result =
      node.config.whenLimited === "delay"
        ? await sendTemplateEmail(visit.db, options, { holdWhenLimited: true })
        : await sendTemplateEmail(visit.db, options);
    const template = node.config.template;
    if ("held" in result) {
      return {
        held: {
          until: result.held.allowedAt,
          facts: {
            template,
            skip_reason: result.held.reason,
            held_until: result.held.allowedAt.toISOString(),
          },
        },
      };
    }
    const { entry, sentNow } = result;
    if (entry.status === "skipped") {
      return {
        outcome: "skipped",
        port: "out",
        facts: { template, email_id: entry.id, skip_reason: entry.skipReason },
      };
    }
    return { outcome: "out", facts: { template, email_id: entry.id, sent_now: sentNow } };
  },
  async simulate({ node }) {
    return {
      outcome: "out",
      facts: { template: node.config.template },
      note: `Would send the email "${node.config.template}"`,
    };
  },
};
