import { describe, expect, it } from "vitest";
import { readQuery } from "@/lib/api/read-query";

describe("readQuery", () => {
  const read = (query: string) => readQuery(new Request(`http://localhost/api/v1/x?${query}`));

  it("gives the query string as a record, the last of a repeated name winning", () => {
    expect(read("search=a%20b&limit=5&limit=6")).toEqual({ search: "a b", limit: "6" });
  });

  it("refuses a NUL character in a value or a name with 400 validation_error", () => {
    for (const query of ["search=a%00b", "a%00=1"]) {
      expect(() => read(query)).toThrow(
        expect.objectContaining({ code: "validation_error", status: 400 }),
      );
    }
  });
});
