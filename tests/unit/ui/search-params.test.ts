import { describe, expect, it } from "vitest";
import { readId } from "@/components/admin/search-params";

describe("readId", () => {
  it("reads a positive integer id in the int4 range, and nothing else", () => {
    expect(readId({ type: "42" }, "type")).toBe(42);
    expect(readId({ type: "2147483647" }, "type")).toBe(2147483647);
    expect(readId({ type: "2147483648" }, "type")).toBeUndefined();
    expect(readId({ type: "99999999999" }, "type")).toBeUndefined();
    expect(readId({ type: "0" }, "type")).toBeUndefined();
    expect(readId({ type: "1.5" }, "type")).toBeUndefined();
    expect(readId({ type: "web" }, "type")).toBeUndefined();
    expect(readId({}, "type")).toBeUndefined();
  });
});
