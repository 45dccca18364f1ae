import { variantCodeOf } from "./ab-test/variant-port";

/**
 * An output port as people read it, the one name the builder's panel, the run inspector and validation messages all
 * use: "next" for a node's plain output (`out`), "yes" and "no", "variant A" for an A/B test's `variant:A`. The
 * canvas draws a shorter label under each handle (`portLabel`).
 */
export function portName(port: string): string {
  if (port === "out") return "next";
  const variant = variantCodeOf(port);
  return variant === null ? port : `variant ${variant}`;
}
