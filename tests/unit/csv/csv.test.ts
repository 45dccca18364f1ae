import { describe, expect, it } from "vitest";
import { centsToDecimal, csvCell, csvRow } from "@/lib/csv/csv";
import { csvStream } from "@/lib/csv/csv-stream";

describe("csvCell", () => {
  it("quotes a field holding a comma, a quote, CR or LF, doubling quotes (RFC 4180)", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("cr\rhere")).toBe('"cr\rhere"');
  });

  it.each(["=SUM(A1:A2)", "+1+1", "-2+3+cmd|' /C calc'!A0", "@SUM(1)", "\tlead", "\rlead"])(
    "prefixes a formula-looking cell %j with an apostrophe",
    (value) => {
      const cell = csvCell(value);
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
      expect(unquoted).toBe(`'${value}`);
    },
  );

  it("guards and then quotes: a formula holding a comma stays one guarded field", () => {
    expect(csvCell('=HYPERLINK("http://x",1)')).toBe(`"'=HYPERLINK(""http://x"",1)"`);
  });

  it("leaves plain numbers alone, negative ones included, and an inner = or - in text", () => {
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell("-0.05")).toBe("-0.05");
    expect(csvCell("12.30")).toBe("12.30");
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("jean-luc@example.test")).toBe("jean-luc@example.test");
  });

  it("writes null as empty, booleans as words and dates as ISO 8601 UTC", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(true)).toBe("true");
    expect(csvCell(new Date("2026-03-01T12:34:56.789+02:00"))).toBe("2026-03-01T10:34:56.789Z");
  });
});

describe("csvRow and centsToDecimal", () => {
  it("ends a record with CRLF", () => {
    expect(csvRow([1, "a,b", null])).toBe('1,"a,b",\r\n');
  });

  it("writes cents as an exact decimal", () => {
    expect(centsToDecimal(0)).toBe("0.00");
    expect(centsToDecimal(5)).toBe("0.05");
    expect(centsToDecimal(1234)).toBe("12.34");
    expect(centsToDecimal(-1999)).toBe("-19.99");
    expect(centsToDecimal(123456789)).toBe("1234567.89");
  });
});

describe("csvStream", () => {
  it("streams a BOM and the header first, then the batches, never more than one ahead of the reader", async () => {
    const pulled: number[] = [];
    async function* batches() {
      for (const n of [1, 2]) {
        pulled.push(n);
        yield [[n, `row ${n}`]];
      }
    }
    const reader = csvStream(["id", "name"], batches()).getReader();
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    const first = await reader.read();
    expect(decoder.decode(first.value)).toBe("\uFEFFid,name\r\n");
    expect(pulled.length).toBeLessThanOrEqual(1);
    expect(decoder.decode((await reader.read()).value)).toBe("1,row 1\r\n");
    expect(pulled.length).toBeLessThanOrEqual(2);
    expect(decoder.decode((await reader.read()).value)).toBe("2,row 2\r\n");
    expect((await reader.read()).done).toBe(true);
  });
});
