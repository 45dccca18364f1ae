import Handlebars from "handlebars";
import { LRUCache } from "lru-cache";
import { invalid } from "@/lib/errors";
import { listTemplateVariables } from "./template-variables";

export interface EmailTemplateSource {
  subject: string;
  bodyHtml: string;
  bodyText: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  /** Variables the templates use that have no value in this context (they rendered empty). */
  missingVariables: string[];
}

export type EmailContext = Record<string, unknown>;

// An isolated environment: no helpers or partials registered elsewhere leak into email rendering.
const handlebars = Handlebars.create();

type CompiledTemplate = (context: EmailContext) => string;

// A scenario or a campaign renders the same few templates thousands of times: each source (with its escaping) is
// parsed and compiled once per process, not once per email. Keyed by the source text, so an edited template is a new
// entry; bounded by the sources' total length (a compiled template is a few times its source), so many or large
// one-off templates cannot grow it without limit.
const bySourceLength = {
  max: 1_000,
  maxSize: 4_000_000,
  sizeCalculation: (_value: unknown, key: string) => Math.max(key.length, 1),
};
const compiled = new LRUCache<string, CompiledTemplate>(bySourceLength);
const variables = new LRUCache<string, string[]>(bySourceLength);

function compile(source: string, part: string, escapeHtml: boolean): CompiledTemplate {
  const key = `${escapeHtml ? "html" : "text"}:${source}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  try {
    // compile() would parse lazily, at the first render: parse here, so a template that does not parse is refused as
    // such and never cached. strict: false — an unknown variable renders empty instead of failing the send.
    const template = handlebars.compile(handlebars.parse(source), {
      noEscape: !escapeHtml,
      strict: false,
    });
    compiled.set(key, template);
    return template;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw invalid("email_template_invalid", `The ${part} template does not parse: ${reason}`);
  }
}

function run(source: string, part: string, escapeHtml: boolean, context: EmailContext): string {
  const template = compile(source, part, escapeHtml);
  try {
    return template(context);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw invalid("email_template_invalid", `The ${part} template does not render: ${reason}`);
  }
}

function variablesOf(source: string): string[] {
  let found = variables.get(source);
  if (!found) {
    found = listTemplateVariables(source);
    variables.set(source, found);
  }
  return found;
}

function valueAt(context: EmailContext, path: string): unknown {
  let current: unknown = context;
  for (const part of path.split(".")) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, part))
      return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/**
 * Render a template's subject, HTML and text with a context. Values are HTML-escaped in the HTML body only; the
 * subject and text are plain text (nodemailer encodes the headers). Missing variables render empty and are listed.
 */
export function renderEmailTemplate(
  template: EmailTemplateSource,
  context: EmailContext,
): RenderedEmail {
  const subject = run(template.subject, "subject", false, context)
    .replace(/[\r\n]+/g, " ")
    .trim();
  const html = run(template.bodyHtml, "HTML body", true, context);
  const text = run(template.bodyText, "text body", false, context);
  const used = new Set(
    [template.subject, template.bodyHtml, template.bodyText].flatMap(variablesOf),
  );
  const missingVariables = [...used].filter((path) => {
    const value = valueAt(context, path);
    return value === undefined || value === null;
  });
  return { subject, html, text, missingVariables: missingVariables.sort() };
}
