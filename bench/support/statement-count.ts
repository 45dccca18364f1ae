import pg from "pg";

let statements = 0;
let counting = false;

/**
 * Count every statement this process sends through the pg driver from now on (BEGIN and COMMIT included); returns
 * the running total. Call it before the code under measurement opens its pool.
 */
export function countStatements(): () => number {
  if (!counting) {
    counting = true;
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
      statements += 1;
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
  }
  return () => statements;
}
