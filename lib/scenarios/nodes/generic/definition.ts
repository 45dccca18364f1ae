import { z } from "zod";
import { codeSchema } from "../config-fields";
import { defineNode } from "../define-node";
import { actionLine, text } from "../visit-lines";

/** Runs an action from the generic-action registry (`lib/scenarios/actions`) with its params. */
export const genericNode = defineNode({
  type: "generic",
  configSchema: z.strictObject({ action: codeSchema, params: z.record(z.string(), z.unknown()) }),
  group: "action",
  label: "Action",
  description: "Runs an action from the action registry.",
  icon: "⚙",
  defaultConfig: { action: "extend_subscription", params: { days: 7 } },
  ports: () => ["out"],
  summary: (c) => `Action: ${c.action}`,
  spansTime: false,
  check(config, { findAction, report }) {
    const action = findAction(config.action);
    if (!action) {
      report("action_unknown", `There is no action "${config.action}".`);
      return;
    }
    const parsed = action.params.safeParse(config.params);
    if (!parsed.success)
      report(
        "action_params_invalid",
        `${action.label}: ${parsed.error.issues.map((i) => i.message).join("; ")}`,
      );
  },
  describeVisit: (visit) =>
    actionLine(`action ${text(visit.facts.action) ?? text(visit.config.action) ?? "?"}`, visit, {
      done: "done",
      planned: "would run",
    }),
});
