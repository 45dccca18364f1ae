import pg from "pg";

let statements = 0;
let counting = false;
/** With STATEMENT_LOG=1: how often each statement (its whole text, whitespace collapsed) was sent. */
const texts = new Map<string, number>();
const logging = process.env.STATEMENT_LOG === "1";

/**
 * Count every statement this process sends through the pg driver from now on (BEGIN and COMMIT included); returns
 * the running total. Call it before the code under measurement opens its pool. With STATEMENT_LOG=1 in the
 * environment it also keeps each statement's text, for `printFrequentStatements`.
 */
export function countStatements(): () => number {
  if (!counting) {
    counting = true;
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
      statements += 1;
      if (logging) {
        const config = args[0] as { text?: string } | string;
        const text = typeof config === "string" ? config : (config?.text ?? "?");
        const key = text.replace(/\s+/g, " ").trim();
        texts.set(key, (texts.get(key) ?? 0) + 1);
      }
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
  }
  return () => statements;
}

/** With STATEMENT_LOG=1: print the `top` most frequent statements so far, with their counts, to stderr. */
export function printFrequentStatements(top = 40): void {
  if (!logging) return;
  const frequent = [...texts].sort((a, b) => b[1] - a[1]).slice(0, top);
  console.error(`the ${frequent.length} most frequent statements (STATEMENT_LOG=1):`);
  for (const [text, n] of frequent)
    console.error(`${String(n).padStart(8)}  ${text.slice(0, 400)}`);
}
