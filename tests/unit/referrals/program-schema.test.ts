import { describe, expect, it } from "vitest";
import { programInputSchema } from "@/lib/referrals/schemas";

const base = {
  name: "P",
  triggers: [{ type: "sign_up", options: {} }],
  reward: { type: "no_reward", options: {} },
};

const issuePaths = (input: unknown) => {
  const parsed = programInputSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join("."));
};

describe("programInputSchema", () => {
  it("a friend's free days after sign-up need a type to grant (a new friend has nothing to extend)", () => {
    const friendReward = { type: "free_days", options: { days: 14 } };
    expect(issuePaths({ ...base, friend_reward: friendReward })).toEqual([
      "friend_reward.options.subscription_type_code",
    ]);
    expect(
      issuePaths({
        ...base,
        friend_reward: {
          ...friendReward,
          options: { days: 14, subscription_type_code: "web_monthly" },
        },
      }),
    ).toEqual([]);
    expect(
      issuePaths({
        ...base,
        triggers: [{ type: "first_payment", options: {} }],
        friend_reward: friendReward,
      }),
    ).toEqual([]);
  });

  it("checks each entry's options with its registry schema and refuses unknown entries", () => {
    expect(issuePaths({ ...base, reward: { type: "free_days", options: { days: 0 } } })).toEqual([
      "reward.options.days",
    ]);
    expect(
      issuePaths({ ...base, reward: { type: "discount", options: { kind: "percent" } } }),
    ).toEqual(["reward.options.percent_off"]);
    expect(issuePaths({ ...base, triggers: [{ type: "midnight", options: {} }] })).toEqual([
      "triggers.0.type",
    ]);
    expect(
      issuePaths({
        ...base,
        constraints: [{ type: "minimum_payment_cents", options: { amount_cents: 100 } }],
      }),
    ).toEqual(["constraints"]);
    expect(issuePaths({ ...base, is_default: true, active: false })).toEqual(["is_default"]);
  });
});
