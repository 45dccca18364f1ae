import Handlebars from "handlebars";
import { KNOWN_EMAIL_VARIABLES } from "./known-variables";

export { KNOWN_EMAIL_VARIABLES };

const BUILT_IN_HELPERS = new Set(["if", "unless", "each", "with", "lookup", "log"]);
// Inside these blocks paths are relative to the block's value, so they cannot be checked against the root context.
const SCOPE_CHANGING_HELPERS = new Set(["each", "with"]);

type Node = hbs.AST.Node;

function pathName(node: Node | undefined): string | null {
  if (!node || node.type !== "PathExpression") return null;
  const path = node as hbs.AST.PathExpression;
  if (path.data || path.original === "this" || path.original.startsWith("this.") || path.depth > 0)
    return null;
  return path.parts.join(".");
}

function walk(node: Node | undefined, found: Set<string>): void {
  if (!node) return;
  switch (node.type) {
    case "Program":
      for (const statement of (node as hbs.AST.Program).body) walk(statement, found);
      return;
    case "MustacheStatement":
    case "SubExpression":
    case "BlockStatement": {
      const call = node as unknown as {
        path: Node;
        params: Node[];
        hash?: { pairs: { value: Node }[] };
        program?: hbs.AST.Program;
        inverse?: hbs.AST.Program;
      };
      const name = pathName(call.path);
      const isHelper =
        name !== null &&
        (BUILT_IN_HELPERS.has(name) || call.params.length > 0 || !!call.hash?.pairs.length);
      if (name && !isHelper) found.add(name);
      for (const param of call.params) {
        const paramName = pathName(param);
        if (paramName) found.add(paramName);
        else walk(param, found);
      }
      for (const pair of call.hash?.pairs ?? []) {
        const valueName = pathName(pair.value);
        if (valueName) found.add(valueName);
        else walk(pair.value, found);
      }
      if (node.type === "BlockStatement" && !(name && SCOPE_CHANGING_HELPERS.has(name))) {
        walk(call.program, found);
        walk(call.inverse, found);
      } else if (node.type === "BlockStatement") {
        walk(call.inverse, found);
      }
      return;
    }
    default:
      return;
  }
}

/** Every root-level variable a template refers to, e.g. ["user.name", "subscription.end_at"]. Throws on a syntax error. */
export function listTemplateVariables(source: string): string[] {
  const found = new Set<string>();
  walk(Handlebars.parse(source), found);
  return [...found].sort();
}

/** The variables a template uses that Subflow does not provide (typos, or names only some callers pass as extra). */
export function findUnknownVariables(sources: string[], extra: readonly string[] = []): string[] {
  const known = new Set<string>([...KNOWN_EMAIL_VARIABLES, ...extra]);
  const unknown = new Set<string>();
  for (const source of sources) {
    for (const name of listTemplateVariables(source)) {
      if (!known.has(name) && ![...known].some((candidate) => candidate.startsWith(`${name}.`)))
        unknown.add(name);
    }
  }
  return [...unknown].sort();
}

/** The syntax error of a template, or null when it compiles. */
export function templateSyntaxError(source: string): string | null {
  try {
    Handlebars.parse(source);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message.split("\n")[0]! : String(error);
  }
}
