import type { z } from "zod";

/**
 * One entry of a referral registry (triggers, constraints, reward types): its key, what admins read, and the zod
 * schema of its options, which validates saves and renders the admin form (through JSON Schema). UI-safe.
 */
export interface ReferralRegistryEntry<
  Type extends string = string,
  Options extends Record<string, unknown> = Record<string, unknown>,
> {
  type: Type;
  label: string;
  description: string;
  optionsSchema: z.ZodType<Options>;
  /** A one-line summary of chosen options ("30 free days"). Method syntax: entries stay assignable to the loose type. */
  describe(options: Options): string;
}

export function defineEntry<Type extends string, Options extends Record<string, unknown>>(
  entry: ReferralRegistryEntry<Type, Options>,
): ReferralRegistryEntry<Type, Options> {
  return entry;
}

/** An entry by key, typed loosely for generic code (forms, validation). */
export function findEntry(
  registry: readonly ReferralRegistryEntry[],
  type: string,
): ReferralRegistryEntry | null {
  return registry.find((entry) => entry.type === type) ?? null;
}
