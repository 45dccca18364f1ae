import { createTranslator } from "use-intl/core";
import { z } from "zod";
import type { RegistryChoice } from "@/lib/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { formatMoney } from "@/lib/money";
import en from "@/messages/en.json";
import sk from "@/messages/sk.json";
import { REFERRAL_CONSTRAINTS } from "./constraints";
import { findEntry, type ReferralRegistryEntry } from "./registry";
import { REFERRAL_REWARDS } from "./rewards";
import { REFERRAL_TRIGGERS } from "./triggers";

/*
 * Registry choices in the words customers read, in their language (messages: ReferralTerms): the pages' program
 * summary and rewards, the invitation email's friend reward. The entries' `describe` is the admin's English; every
 * entry a customer can meet has its words here, and one without them falls back to its `describe`. UI-safe.
 */

const MESSAGES = { en, sk };

/** The ReferralTerms messages in `locale`, for the sentences built around these words. */
export function referralTermsTranslator(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: "ReferralTerms" });
}

/** A choice's options as its registry entry validates them; null for an unknown entry or options it refuses. */
function parsedOptions(
  registry: readonly ReferralRegistryEntry[],
  choice: RegistryChoice,
): { entry: ReferralRegistryEntry; options: Record<string, unknown> } | null {
  const entry = findEntry(registry, choice.type);
  if (!entry) return null;
  // A granted reward's detail writes an option it does not have as null ("percent_off": null); schemas say optional.
  const options = Object.fromEntries(
    Object.entries(choice.options ?? {}).filter(([, value]) => value !== null),
  );
  const parsed = entry.optionsSchema.safeParse(options);
  return parsed.success ? { entry, options: parsed.data } : null;
}

const freeDaysOptions = z.object({ days: z.number() });
const discountOptions = z.object({
  kind: z.enum(["percent", "fixed"]),
  percent_off: z.number().optional(),
  amount_off_cents: z.number().optional(),
});
const timeoutOptions = z.object({ days: z.number() });
const minimumPaymentOptions = z.object({ amount_cents: z.number() });

/**
 * A reward in words, or null for options its entry refuses. `object`: what someone gets ("you get 30 free days";
 * sk accusative "dostanete zľavu 20 % na platbu"); `name`: a reward's own title (sk nominative "zľava 20 % na platbu").
 */
export function rewardWords(
  choice: RegistryChoice,
  locale: Locale,
  form: "object" | "name",
): string | null {
  const found = parsedOptions(REFERRAL_REWARDS, choice);
  if (!found) return null;
  const t = referralTermsTranslator(locale);
  if (choice.type === "free_days") {
    const { days } = freeDaysOptions.parse(found.options);
    return form === "object"
      ? t("reward.free_days", { days })
      : t("rewardName.free_days", { days });
  }
  if (choice.type === "discount") {
    const options = discountOptions.parse(found.options);
    if (options.kind === "percent") {
      const values = { percent: options.percent_off ?? 0 };
      return form === "object"
        ? t("reward.discount_percent", values)
        : t("rewardName.discount_percent", values);
    }
    const values = { amount: formatMoney(options.amount_off_cents ?? 0, locale) };
    return form === "object"
      ? t("reward.discount_fixed", values)
      : t("rewardName.discount_fixed", values);
  }
  if (choice.type === "no_reward") return t("reward.no_reward");
  return found.entry.describe(found.options);
}

/** When a trigger rewards the referrer, said to them ("when the friend first pays"). */
export function triggerWords(choice: RegistryChoice, locale: Locale): string | null {
  const t = referralTermsTranslator(locale);
  if (choice.type === "sign_up") return t("trigger.sign_up");
  if (choice.type === "first_payment") return t("trigger.first_payment");
  return parsedOptions(REFERRAL_TRIGGERS, choice)?.entry.describe({}) ?? null;
}

/** What a trigger asks of the friend, said to the friend ("first pay": "when you first pay"). */
export function friendActionWords(choice: RegistryChoice, locale: Locale): string | null {
  const t = referralTermsTranslator(locale);
  if (choice.type === "sign_up") return t("friendAction.sign_up");
  if (choice.type === "first_payment") return t("friendAction.first_payment");
  return null;
}

/** A constraint in words ("within 60 days", "payment of at least €5.00"). */
export function constraintWords(choice: RegistryChoice, locale: Locale): string | null {
  const found = parsedOptions(REFERRAL_CONSTRAINTS, choice);
  if (!found) return null;
  const t = referralTermsTranslator(locale);
  if (choice.type === "timeout_days") {
    return t("constraint.timeout_days", timeoutOptions.parse(found.options));
  }
  if (choice.type === "minimum_payment_cents") {
    const { amount_cents } = minimumPaymentOptions.parse(found.options);
    return t("constraint.minimum_payment_cents", { amount: formatMoney(amount_cents, locale) });
  }
  return found.entry.describe(found.options);
}
