import { csvRow, type CsvValue } from "./csv";

/**
 * A CSV body streamed batch by batch: the header row first, then each batch's rows as the source yields them, so an
 * export of any size holds one batch in memory. The source is pulled only as fast as the client reads; a client that
 * goes away cancels it. UI-safe (no server-only code of its own).
 */
export function csvStream(
  header: readonly string[],
  batches: AsyncIterable<readonly (readonly CsvValue[])[]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      // A byte order mark, so spreadsheet programs read the file as UTF-8 (names with accents stay readable).
      controller.enqueue(encoder.encode(`\uFEFF${csvRow(header)}`));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map(csvRow).join("")));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** The headers of a CSV download named `filename`. */
export function csvHeaders(filename: string): HeadersInit {
  return {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${filename}"`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  };
}
