import { z } from "zod";
import { codeSchema } from "../config-fields";
import { defineNode } from "../define-node";
import { actionLine, text } from "../visit-lines";

/** Sends an email template to the user. */
export const emailNode = defineNode({
  type: "email",
  configSchema: z.strictObject({ template: codeSchema }),
  group: "action",
  label: "Email",
  description: "Sends an email template to the user.",
  icon: "✉",
  defaultConfig: { template: "welcome" },
  ports: () => ["out"],
  summary: (c) => `Email: ${c.template}`,
  spansTime: false,
  check(config, { references, report }) {
    if (!references.templates.has(config.template))
      report("template_not_found", `There is no email template "${config.template}".`);
  },
  describeVisit: (visit) =>
    actionLine(`email ${text(visit.facts.template) ?? text(visit.config.template) ?? "?"}`, visit, {
      done: visit.facts.sent_now === false ? "already sent" : "sent",
      planned: "would be sent",
    }),
});
