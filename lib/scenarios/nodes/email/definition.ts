import { z } from "zod";
import { codeSchema } from "../config-fields";
import { defineNode } from "../define-node";
import { actionLine, text } from "../visit-lines";

/**
 * What an email node does with an email the frequency cap or quiet hours hold (installation settings, `email.delivery`):
 * `skip` it (logged as skipped, the journey goes on) or `delay` it (the run sleeps until it may go, then sends it).
 * Absent: skip, as graphs published before the option did.
 */
export const WHEN_LIMITED = ["skip", "delay"] as const;
export type WhenLimited = (typeof WHEN_LIMITED)[number];
export const WHEN_LIMITED_LABELS: Record<WhenLimited, string> = {
  skip: "Skip it",
  delay: "Send it when allowed",
};

const SKIP_REASON_WORDS: Record<string, string> = {
  unsubscribed: "the user left its topic",
  suppressed: "the address is suppressed",
  frequency_cap: "frequency cap",
  quiet_hours: "quiet hours",
};

/** Sends an email template to the user. */
export const emailNode = defineNode({
  type: "email",
  configSchema: z.strictObject({
    template: codeSchema,
    whenLimited: z.enum(WHEN_LIMITED).optional(),
  }),
  group: "action",
  label: "Email",
  description: "Sends an email template to the user.",
  icon: "✉",
  defaultConfig: { template: "welcome", whenLimited: "skip" },
  ports: () => ["out"],
  summary: (c) =>
    `Email: ${c.template}${c.whenLimited === "delay" ? " · delayed when limited" : ""}`,
  spansTime: false,
  check(config, { references, report }) {
    if (!references.templates.has(config.template))
      report("template_not_found", `There is no email template "${config.template}".`);
  },
  describeVisit(visit) {
    const subject = `email ${text(visit.facts.template) ?? text(visit.config.template) ?? "?"}`;
    const reason = text(visit.facts.skip_reason);
    if (visit.outcome === "skipped") {
      const why = (reason && SKIP_REASON_WORDS[reason]) ?? reason ?? "policy";
      return { line: `${subject} skipped: ${why} → out`, reason: `skipped: ${why}` };
    }
    const heldUntil = text(visit.facts.held_until);
    if (visit.outcome === null && heldUntil) {
      const why = (reason && SKIP_REASON_WORDS[reason]) ?? reason ?? "limited";
      const state = `held (${why}) until ${heldUntil}`;
      return { line: `${subject}: ${state}`, reason: state };
    }
    return actionLine(subject, visit, {
      done: visit.facts.sent_now === false ? "already sent" : "sent",
      planned:
        visit.config.whenLimited === "delay"
          ? "would be sent (delayed while limited)"
          : "would be sent",
    });
  },
});
