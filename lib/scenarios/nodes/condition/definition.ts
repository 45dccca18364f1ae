import { z } from "zod";
import { defineNode } from "../define-node";
import { decision } from "../visit-lines";
import { conditionReason } from "./describe-condition-visit";

const CRITERION_KINDS = ["user", "payment", "subscription", "trigger"] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

export const criterionSchema = z.strictObject({
  kind: z.enum(CRITERION_KINDS),
  key: z.string().min(1).max(64),
  operator: z.string().min(1).max(32),
  /** Checked against the criterion's own schema by validation (`lib/scenarios/criteria`). */
  value: z.unknown().optional(),
});
export type Criterion = z.infer<typeof criterionSchema>;

/** Yes when every criterion (from the criteria registry) holds for the user and the trigger now. */
export const conditionNode = defineNode({
  type: "condition",
  configSchema: z.strictObject({
    criteria: z.array(criterionSchema).min(1, { message: "Add at least one criterion." }).max(50),
  }),
  group: "condition",
  label: "Condition",
  description: "Yes when every criterion holds.",
  icon: "?",
  defaultConfig: { criteria: [{ kind: "user", key: "email_domain", operator: "is", value: "" }] },
  ports: () => ["yes", "no"],
  summary: (c) =>
    `${c.criteria.length} ${c.criteria.length === 1 ? "criterion" : "criteria"}: ${c.criteria.map((x) => x.key).join(", ")}`,
  spansTime: false,
  check(config, { findCriterion, reachingTriggers, report }) {
    config.criteria.forEach((criterion, index) => {
      const label = `Criterion ${index + 1}`;
      const definition = findCriterion(criterion.kind, criterion.key);
      if (!definition) {
        report(
          "criterion_unknown",
          `${label}: there is no ${criterion.kind} criterion "${criterion.key}".`,
        );
        return;
      }
      if (!definition.operators.some((o) => o.op === criterion.operator)) {
        report(
          "criterion_operator_invalid",
          `${label} (${definition.label}): "${criterion.operator}" is not one of its operators.`,
        );
      }
      const parsed = definition.value.safeParse(criterion.value);
      if (!parsed.success) {
        report(
          "criterion_value_invalid",
          `${label} (${definition.label}): ${parsed.error.issues.map((i) => i.message).join("; ")}`,
        );
      }
      if (!definition.requires) return;
      for (const trigger of reachingTriggers) {
        if (trigger.provides.includes(definition.requires)) continue;
        report(
          "criterion_incompatible",
          `${label} (${definition.label}) needs a ${definition.requires.replace("_", " ")}, but the trigger "${trigger.label}" carries none.`,
        );
      }
    });
  },
  describeVisit: ({ facts, criteria, outcome }) =>
    decision("condition", conditionReason(facts, criteria), outcome),
});
