import { z } from "zod";

/**
 * A zod schema as JSON Schema made of plain objects only: zod builds it with prototype-less objects, which React
 * refuses to pass from a server page to the builder's client components.
 */
export function plainJsonSchema(schema: z.ZodType): unknown {
  return JSON.parse(
    JSON.stringify(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" })),
  );
}
