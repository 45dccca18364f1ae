import { plainJsonSchema } from "@/lib/scenarios/plain-json-schema";
import { REFERRAL_CONSTRAINTS } from "../constraints";
import type { ReferralRegistryEntry } from "../registry";
import { REFERRAL_REWARDS } from "../rewards";
import { REFERRAL_TRIGGERS } from "../triggers";

/**
 * The registries as the program form reads them: labels and each entry's options schema as plain JSON Schema, which a
 * server page can hand to the client form (zod schemas and `describe` functions cannot cross that boundary).
 */
export interface RegistryFormEntry {
  type: string;
  label: string;
  description: string;
  /** JSON Schema of the entry's options (input side). */
  schema: unknown;
}

export interface ProgramFormRegistries {
  triggers: RegistryFormEntry[];
  constraints: RegistryFormEntry[];
  rewards: RegistryFormEntry[];
}

const formEntries = (registry: readonly ReferralRegistryEntry[]): RegistryFormEntry[] =>
  registry.map((entry) => ({
    type: entry.type,
    label: entry.label,
    description: entry.description,
    schema: plainJsonSchema(entry.optionsSchema),
  }));

export function programFormRegistries(): ProgramFormRegistries {
  return {
    triggers: formEntries(REFERRAL_TRIGGERS),
    constraints: formEntries(REFERRAL_CONSTRAINTS),
    rewards: formEntries(REFERRAL_REWARDS),
  };
}
