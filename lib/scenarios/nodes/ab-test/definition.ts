import { z } from "zod";
import { defineNode } from "../define-node";
import { text } from "../visit-lines";
import { variantCodeOf, variantPort } from "./variant-port";

const abVariantSchema = z.strictObject({
  code: z
    .string()
    .min(1)
    .max(32)
    .regex(/^[A-Za-z0-9_-]+$/),
  name: z.string().trim().min(1).max(100),
  percent: z.number().int().min(0).max(100),
});

/** Each variant leaves by its own port. */

/** Sends each user down one variant, drawn once by the variants' percentages and kept. */
export const abTestNode = defineNode({
  type: "ab_test",
  configSchema: z.strictObject({
    variants: z
      .array(abVariantSchema)
      .min(2, { message: "An A/B test needs two variants." })
      .max(10),
  }),
  group: "operation",
  label: "A/B test",
  description: "Sends each user down one variant, drawn once and kept.",
  icon: "⋔",
  defaultConfig: {
    variants: [
      { code: "A", name: "Variant A", percent: 50 },
      { code: "B", name: "Variant B", percent: 50 },
    ],
  },
  ports: (c) => c.variants.map((v) => variantPort(v.code)),
  summary: (c) => c.variants.map((v) => `${v.code} ${v.percent}%`).join(" · "),
  spansTime: false,
  check(config, { report }) {
    const total = config.variants.reduce((sum, v) => sum + v.percent, 0);
    if (total !== 100)
      report("ab_percent_sum", `Variant percentages add up to ${total}; they must add up to 100.`);
    const codes = config.variants.map((v) => v.code);
    if (new Set(codes).size !== codes.length)
      report("ab_variant_duplicate", "Two variants share a code.");
  },
  describeVisit({ facts, outcome }) {
    const variant = text(facts.variant) ?? (outcome ? variantCodeOf(outcome) : null);
    const why =
      facts.drawn === false
        ? "likeliest, not drawn yet"
        : facts.sticky === false
          ? "drawn again: the earlier variant was removed"
          : "";
    return {
      line: `A/B → ${variant ? `variant ${variant}` : "not assigned yet"}${why ? ` (${why})` : ""}`,
      reason: why,
    };
  },
});
