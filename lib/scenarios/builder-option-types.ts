/**
 * What the builder's forms choose from, loaded on the server once per page (UI-safe shapes only): the registries'
 * descriptions and the real lists of templates, segments, banners, goals, content access and subscription types.
 */
import type { CriterionKind } from "@/lib/scenarios/nodes/condition/definition";

/** How a criterion's value is entered (the criteria registry's `valueInput`). */
export type CriterionValueInputView =
  | "text"
  | "number"
  | "money"
  | "date"
  | "days"
  | "boolean"
  | "content_access"
  | "subscription_type"
  | { options: readonly string[] };

export interface CriterionOption {
  kind: CriterionKind;
  key: string;
  label: string;
  /** What the label leaves open, or null. */
  description: string | null;
  operators: { op: string; label: string }[];
  valueInput: CriterionValueInputView;
  /** JSON Schema of the value (zod → JSON Schema), for inline checks. */
  valueSchema: unknown;
  /** The trigger data it needs (`payment`, `subscription`…), or null. */
  requires: string | null;
}

/** An event exit rules and wait-for-event nodes may name, with the keys of its data (for filters). */
export interface EventChoice {
  event: string;
  label: string;
  fields: string[];
}

export interface BuilderOptions {
  triggers: { event: string; label: string; description: string; provides: string[] }[];
  /** Every domain event (custom ones are typed by name). */
  events: EventChoice[];
  criteria: CriterionOption[];
  actions: { code: string; label: string; description: string; paramsSchema: unknown }[];
  templates: { code: string; name: string }[];
  segments: { code: string; name: string }[];
  banners: { id: number; name: string }[];
  goals: { code: string; name: string }[];
  contentAccess: { code: string; name: string; description: string | null }[];
  subscriptionTypes: { code: string; name: string }[];
}
