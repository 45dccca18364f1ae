import pg from "pg";

let statements = 0;
let counting = false;
/** With STATEMENT_LOG set: how often each statement's text (its first 110 characters) was sent. */
const texts = new Map<string, number>();

/**
 * Count every statement this process sends through the pg driver from now on (BEGIN and COMMIT included); returns
 * the running total. Call it before the code under measurement opens its pool. With STATEMENT_LOG=1 in the
 * environment, the 40 most frequent statements are printed to stderr, with their counts, when the process exits.
 */
export function countStatements(): () => number {
  if (!counting) {
    counting = true;
    const logging = Boolean(process.env.STATEMENT_LOG);
    if (logging) process.on("exit", printFrequentStatements);
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
      statements += 1;
      if (logging) {
        const config = args[0] as { text?: string } | string;
        const text = typeof config === "string" ? config : (config?.text ?? "?");
        const key = text.replace(/\s+/g, " ").trim().slice(0, 110);
        texts.set(key, (texts.get(key) ?? 0) + 1);
      }
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
  }
  return () => statements;
}

function printFrequentStatements() {
  const frequent = [...texts].sort((a, b) => b[1] - a[1]).slice(0, 40);
  for (const [text, n] of frequent) console.error(`${String(n).padStart(8)}  ${text}`);
}
