import { paramFields, type ParamField } from "@/components/builder/panel/json-schema";
import type { ProgramInput } from "@/lib/referrals/schemas";
import type {
  ProgramFormRegistries,
  RegistryFormEntry,
} from "@/lib/referrals/admin/program-form-entries";

/**
 * The program form's state and its conversions. Fields keep what people typed (numbers as text), so the submitted
 * input carries a mistyped number as text and the server's zod message lands on that field. UI-safe.
 */

/** One entry's options as typed: text for numbers and text, a boolean for checkboxes. */
export type OptionValues = Record<string, string | boolean>;

export interface ProgramFormValues {
  name: string;
  active: boolean;
  isDefault: boolean;
  /** Checked triggers and constraints; every entry keeps its options, so unchecking and checking again loses nothing. */
  triggers: Record<string, boolean>;
  constraints: Record<string, boolean>;
  rewardType: string;
  /** "" = the friend gets nothing. */
  friendRewardType: string;
  triggerOptions: Record<string, OptionValues>;
  constraintOptions: Record<string, OptionValues>;
  rewardOptions: Record<string, OptionValues>;
  friendRewardOptions: Record<string, OptionValues>;
  cap: string;
  reviewWindowDays: string;
  rewardHoldDays: string;
}

function emptyValue(field: ParamField): string | boolean {
  if (field.kind === "boolean") return field.schema.default === true;
  if (field.schema.default !== undefined) return String(field.schema.default);
  return field.kind === "enum" && field.required ? (field.options[0] ?? "") : "";
}

function optionValues(
  entry: RegistryFormEntry,
  stored: Record<string, unknown> | undefined,
): OptionValues {
  const values: OptionValues = {};
  for (const field of paramFields(entry.schema)) {
    const value = stored?.[field.name];
    if (value === undefined || value === null) values[field.name] = emptyValue(field);
    else if (typeof value === "boolean") values[field.name] = value;
    else values[field.name] = typeof value === "object" ? JSON.stringify(value) : String(value);
  }
  return values;
}

function optionsByType(
  entries: RegistryFormEntry[],
  chosen: { type: string; options: Record<string, unknown> }[],
) {
  return Object.fromEntries(
    entries.map((entry) => [
      entry.type,
      optionValues(entry, chosen.find((c) => c.type === entry.type)?.options),
    ]),
  );
}

/** The form's starting state: a saved program's settings, or a new program's (sign-up trigger, free days). */
export function initialProgramFormValues(
  registries: ProgramFormRegistries,
  program?: ProgramInput,
): ProgramFormValues {
  const triggers = program?.triggers ?? [{ type: "sign_up", options: {} }];
  const constraints = program?.constraints ?? [];
  const reward = program?.reward ?? {
    type:
      registries.rewards.find((e) => e.type === "free_days")?.type ??
      registries.rewards[0]?.type ??
      "",
    options: {},
  };
  const friend = program?.friend_reward ?? null;
  return {
    name: program?.name ?? "",
    active: program?.active ?? true,
    isDefault: program?.is_default ?? false,
    triggers: Object.fromEntries(
      registries.triggers.map((e) => [e.type, triggers.some((t) => t.type === e.type)]),
    ),
    constraints: Object.fromEntries(
      registries.constraints.map((e) => [e.type, constraints.some((c) => c.type === e.type)]),
    ),
    rewardType: reward.type,
    friendRewardType: friend?.type ?? "",
    triggerOptions: optionsByType(registries.triggers, triggers),
    constraintOptions: optionsByType(registries.constraints, constraints),
    rewardOptions: optionsByType(registries.rewards, [reward]),
    friendRewardOptions: optionsByType(registries.rewards, friend ? [friend] : []),
    cap: program?.max_rewards_per_referrer == null ? "" : String(program.max_rewards_per_referrer),
    reviewWindowDays: String(program?.review_window_days ?? 30),
    rewardHoldDays: String(program?.reward_hold_days ?? 0),
  };
}

const NUMBER_TEXT = /^-?\d+(\.\d+)?$/;

/** Typed number text as a number; anything else is sent as typed, for the server to name the problem. */
function numberOrText(text: string): number | string {
  const trimmed = text.trim();
  return NUMBER_TEXT.test(trimmed) ? Number(trimmed) : trimmed;
}

function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** An entry's typed options as its schema expects them; empty fields are left out (optional ones stay unset). */
export function optionsInput(
  entry: RegistryFormEntry | undefined,
  values: OptionValues | undefined,
): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  if (!entry) return options;
  for (const field of paramFields(entry.schema)) {
    const value = values?.[field.name];
    if (typeof value === "boolean") {
      options[field.name] = value;
      continue;
    }
    if (value === undefined || value.trim() === "") continue;
    if (field.kind === "integer" || field.kind === "number")
      options[field.name] = numberOrText(value);
    else if (field.kind === "json") options[field.name] = jsonOrText(value);
    else options[field.name] = value.trim();
  }
  return options;
}

const entryOf = (entries: RegistryFormEntry[], type: string) =>
  entries.find((entry) => entry.type === type);

/** The form's state as `programInputSchema`'s input (what the save action validates). */
export function programInputFromForm(registries: ProgramFormRegistries, values: ProgramFormValues) {
  const chosen = (
    entries: RegistryFormEntry[],
    checked: Record<string, boolean>,
    options: Record<string, OptionValues>,
  ) =>
    entries
      .filter((entry) => checked[entry.type])
      .map((entry) => ({ type: entry.type, options: optionsInput(entry, options[entry.type]) }));
  const cap = values.cap.trim();
  return {
    name: values.name,
    active: values.active,
    is_default: values.isDefault,
    triggers: chosen(registries.triggers, values.triggers, values.triggerOptions),
    constraints: chosen(registries.constraints, values.constraints, values.constraintOptions),
    reward: {
      type: values.rewardType,
      options: optionsInput(
        entryOf(registries.rewards, values.rewardType),
        values.rewardOptions[values.rewardType],
      ),
    },
    friend_reward:
      values.friendRewardType === ""
        ? null
        : {
            type: values.friendRewardType,
            options: optionsInput(
              entryOf(registries.rewards, values.friendRewardType),
              values.friendRewardOptions[values.friendRewardType],
            ),
          },
    max_rewards_per_referrer: cap === "" ? null : numberOrText(cap),
    review_window_days: numberOrText(values.reviewWindowDays),
    reward_hold_days: values.rewardHoldDays.trim() === "" ? 0 : numberOrText(values.rewardHoldDays),
  };
}
