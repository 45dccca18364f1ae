/**
 * Inline validation: a node's config checked against its schema (the same one a draft must pass to be saved), with
 * each message keyed by the path of the field it belongs to. Schema messages win; the rest say what to type.
 */
import type { z } from "zod";
import type { GraphNode } from "@/lib/scenarios/graph";
import { definitionOf } from "@/lib/scenarios/nodes/definitions";

type RawIssue = Parameters<z.core.$ZodErrorMap>[0];

/** Plain-language messages for zod's built-in issues (zod's own read "Too small: expected number to be >=1"). */
export function panelIssueMessage(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === null) return "Required.";
      if (issue.expected === "int") return "Enter a whole number.";
      if (issue.expected === "number") return "Enter a number.";
      return `Expected ${issue.expected}.`;
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1
          ? "Required."
          : `Use at least ${issue.minimum} characters.`;
      if (issue.origin === "array") return `Choose at least ${issue.minimum}.`;
      return `Must be at least ${issue.minimum}.`;
    case "too_big":
      if (issue.origin === "string") return `Use at most ${issue.maximum} characters.`;
      if (issue.origin === "array") return `At most ${issue.maximum} allowed.`;
      return `Must be at most ${issue.maximum}.`;
    case "invalid_value":
      return "Choose one of the options.";
    case "invalid_format":
      return "This is not in the expected format.";
    case "unrecognized_keys":
      return `Unexpected setting${issue.keys.length === 1 ? "" : "s"}: ${issue.keys.join(", ")}.`;
    default:
      return undefined;
  }
}

export interface ConfigIssues {
  /** Messages for the field at a path ("criteria.0.operator"). */
  at(path: string): string[];
  /** Messages about the config as a whole (unknown keys). */
  root: string[];
}

export const NO_ISSUES: ConfigIssues = { at: () => [], root: [] };

export function configIssues(node: GraphNode): ConfigIssues {
  const parsed = definitionOf(node).configSchema.safeParse(node.config, {
    error: panelIssueMessage,
  });
  if (parsed.success) return NO_ISSUES;
  const byPath = new Map<string, string[]>();
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join(".");
    byPath.set(path, [...(byPath.get(path) ?? []), issue.message]);
  }
  return { at: (path) => byPath.get(path) ?? [], root: byPath.get("") ?? [] };
}
