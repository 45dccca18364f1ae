import { describe, expect, it } from "vitest";
import { vatContained } from "@/lib/receipts/compute-vat";
import { documentYear, formatDocumentNumber } from "@/lib/receipts/document-number-format";

describe("vatContained (prices include VAT)", () => {
  it("is total · rate / (100 + rate) in whole cents", () => {
    expect(vatContained(1200, 20)).toBe(200);
    expect(vatContained(499, 20)).toBe(83); // 83.17
    expect(vatContained(4990, 20)).toBe(832); // 831.67
    expect(vatContained(12300, 23)).toBe(2300);
    expect(vatContained(0, 20)).toBe(0);
    expect(vatContained(999, 0)).toBe(0);
  });

  it("rounds an exact half away from zero, for refunds (negative totals) too", () => {
    expect(vatContained(3, 20)).toBe(1); // 0.5
    expect(vatContained(9, 20)).toBe(2); // 1.5
    expect(vatContained(399, 20)).toBe(67); // 66.5
    expect(vatContained(-399, 20)).toBe(-67);
    expect(vatContained(-3, 20)).toBe(-1);
  });

  it("takes rates with two decimals exactly", () => {
    expect(vatContained(1081, 8.1)).toBe(81);
    expect(vatContained(10_770, 7.7)).toBe(770);
    expect(vatContained(100, 0.01)).toBe(0); // 0.0099…
  });

  it("stays exact beyond floating point's comfort", () => {
    expect(vatContained(9_007_199_254_740_990, 20)).toBe(1_501_199_875_790_165);
  });
});

describe("document numbers", () => {
  it("print the year and a six-digit sequence, credit notes with CN-", () => {
    expect(formatDocumentNumber("receipt", 2026, 42)).toBe("2026-000042");
    expect(formatDocumentNumber("credit_note", 2026, 7)).toBe("CN-2026-000007");
    expect(formatDocumentNumber("receipt", 2026, 1_234_567)).toBe("2026-1234567");
  });

  it("are numbered by the UTC calendar year", () => {
    expect(documentYear(new Date("2026-12-31T23:30:00-01:00"))).toBe(2027);
    expect(documentYear(new Date("2027-01-01T00:30:00+01:00"))).toBe(2026);
  });
});
