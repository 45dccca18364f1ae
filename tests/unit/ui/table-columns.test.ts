import { describe, expect, it } from "vitest";
import { COLUMN_CLASSES, columnClasses, FOLDED_CLASSES } from "@/components/ui/table";

/* A hidden column's folded copy shows exactly while the column is hidden: the same container size, both ways. */

describe("priority columns and their folded copies", () => {
  it("hide a column below its size and show its copy only there", () => {
    for (const [size, column] of Object.entries(COLUMN_CLASSES)) {
      const folded = FOLDED_CLASSES[size as keyof typeof FOLDED_CLASSES];
      const shownFrom = column.match(/^hidden (@\w+):table-cell$/)?.[1];
      expect(shownFrom, `${size}: ${column}`).toBeTruthy();
      expect(folded).toBe(`${shownFrom}:hidden`);
    }
  });

  it("grow with the size names", () => {
    const order = ["sm", "md", "lg", "xl"] as const;
    const rem: Record<string, number> = { "@xl": 36, "@3xl": 48, "@4xl": 56, "@5xl": 64 };
    const widths = order.map((size) => rem[COLUMN_CLASSES[size].split(" ")[1]!.split(":")[0]!]);
    expect(widths).toEqual([...widths].sort((a, b) => a! - b!));
    expect(widths.every((width) => width !== undefined)).toBe(true);
  });

  it("leaves a column without a size alone", () => {
    expect(columnClasses(undefined)).toBeUndefined();
    expect(columnClasses("lg")).toBe("hidden @4xl:table-cell");
  });
});
