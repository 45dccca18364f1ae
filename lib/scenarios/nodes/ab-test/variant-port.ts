const PREFIX = "variant:";

/** The output port of an A/B test variant: `variant:<code>`. */
export const variantPort = (code: string) => `${PREFIX}${code}`;

/** The variant code a port names, or null for a port that is not a variant's. */
export const variantCodeOf = (port: string): string | null =>
  port.startsWith(PREFIX) ? port.slice(PREFIX.length) : null;
