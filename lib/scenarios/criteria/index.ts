import "server-only";
import { plainJsonSchema } from "@/lib/scenarios/plain-json-schema";
import type { Criterion, CriterionKind } from "@/lib/scenarios/nodes/condition/definition";
import type { RunContext } from "@/lib/scenarios/run-context";
import type { CriterionDefinition, CriterionValueInput } from "./define-criterion";
import paymentAmount from "./payment-amount";
import paymentGateway from "./payment-gateway";
import paymentRecurrent from "./payment-recurrent";
import subscriptionHasFollowing from "./subscription-has-following";
import subscriptionIsPaid from "./subscription-is-paid";
import subscriptionKind from "./subscription-kind";
import subscriptionLength from "./subscription-length";
import subscriptionType from "./subscription-type";
import triggerHasPayment from "./trigger-has-payment";
import triggerHasSubscription from "./trigger-has-subscription";
import userEmailDomain from "./user-email-domain";
import userHasContentAccess from "./user-has-content-access";
import userRegistrationDate from "./user-registration-date";

/** The criteria registry: one file per criterion. */
export const CRITERIA: readonly CriterionDefinition<never>[] = [
  userEmailDomain,
  userRegistrationDate,
  userHasContentAccess,
  subscriptionType,
  subscriptionLength,
  subscriptionKind,
  subscriptionIsPaid,
  subscriptionHasFollowing,
  paymentAmount,
  paymentGateway,
  paymentRecurrent,
  triggerHasPayment,
  triggerHasSubscription,
] as unknown as CriterionDefinition<never>[];

export function findCriterion(
  kind: CriterionKind,
  key: string,
): CriterionDefinition<unknown> | null {
  return (
    (CRITERIA.find((c) => c.kind === kind && c.key === key) as
      CriterionDefinition<unknown> | undefined) ?? null
  );
}

/** The facts a condition records about one criterion. */
export interface CriterionFact {
  kind: CriterionKind;
  key: string;
  operator: string;
  expected: unknown;
  actual: unknown;
  holds: boolean;
}

/**
 * Check criteria in order; all must hold. Stops at the first that fails, which is the one that decided `no`.
 * A criterion the registry no longer knows, or a stored value its schema refuses, fails with that as the fact.
 */
export async function evaluateCriteria(
  context: RunContext,
  criteria: readonly Criterion[],
): Promise<{
  holds: boolean;
  facts: { criteria: CriterionFact[]; decidedBy: CriterionFact | null };
}> {
  const facts: CriterionFact[] = [];
  for (const criterion of criteria) {
    const definition = findCriterion(criterion.kind, criterion.key);
    const parsed = definition?.value.safeParse(criterion.value);
    let result = { holds: false, actual: "criterion unavailable" as unknown };
    if (
      definition &&
      parsed?.success &&
      definition.operators.some((o) => o.op === criterion.operator)
    ) {
      result = await definition.evaluate(context, criterion.operator, parsed.data);
    }
    const fact = {
      kind: criterion.kind,
      key: criterion.key,
      operator: criterion.operator,
      expected: criterion.value,
      ...result,
    };
    facts.push(fact);
    if (!fact.holds) return { holds: false, facts: { criteria: facts, decidedBy: fact } };
  }
  return { holds: true, facts: { criteria: facts, decidedBy: null } };
}

/** UI-safe description of the registry, for the builder's criteria editor. */
export interface CriterionDescription {
  kind: CriterionKind;
  key: string;
  label: string;
  description: string | null;
  operators: { op: string; label: string }[];
  valueInput: CriterionValueInput;
  valueSchema: unknown;
  requires: string | null;
}

export function describeCriteria(): CriterionDescription[] {
  return CRITERIA.map((c) => ({
    kind: c.kind,
    key: c.key,
    label: c.label,
    description: c.description ?? null,
    operators: [...c.operators],
    valueInput: c.valueInput,
    valueSchema: plainJsonSchema(c.value),
    requires: c.requires,
  }));
}
