import { describe, expect, it } from "vitest";
import {
  describeReferralProgram,
  describeReward,
} from "@/components/customer/referrals/program-summary";
import { rewardWords } from "@/lib/referrals/referral-terms";

/*
 * Issue 21: what a referral program gives is said to customers in their language — the summary on
 * /account/referrals, the title of each reward they earned, the friend's reward in the invitation email — built
 * from the program's registry choices, not from the admin's English `describe`.
 */

const program = {
  triggers: [{ type: "first_payment", options: {} }],
  constraints: [
    { type: "timeout_days", options: { days: 60 } },
    { type: "minimum_payment_cents", options: { amount_cents: 500 } },
  ],
  reward: { type: "free_days", options: { days: 30 } },
  friendReward: { type: "discount", options: { kind: "percent", percent_off: 20 } },
  maxRewardsPerReferrer: 100,
  rewardHoldDays: 14,
};

describe("describeReferralProgram", () => {
  it("says the whole program in Slovak, with Slovak plurals and money", () => {
    expect(describeReferralProgram(program, "sk")).toBe(
      "Pozvite priateľa: dostanete 30 dní zdarma, keď priateľ prvýkrát zaplatí (do 60 dní, platba aspoň 5,00\u00a0€). " +
        "Priateľ dostane zľavu 20 % na platbu. Najviac 100 odmien na osobu. " +
        "Odmeny za platbu priateľa prídu 14 dní po nej, ak nebude vrátená.",
    );
  });

  it("keeps the English as it was", () => {
    expect(describeReferralProgram(program, "en")).toBe(
      "Invite a friend: you get 30 free days when the friend first pays (within 60 days, payment of at least €5.00). " +
        "They get 20% off a payment. Up to 100 rewards per person. " +
        "Rewards for a friend's payment arrive 14 days after it, unless it is refunded.",
    );
  });

  it("takes the one / few / many forms of Slovak counts", () => {
    const terms = (days: number, cap: number) =>
      describeReferralProgram(
        {
          triggers: [
            { type: "sign_up", options: {} },
            { type: "first_payment", options: {} },
          ],
          constraints: [{ type: "timeout_days", options: { days } }],
          reward: { type: "free_days", options: { days } },
          friendReward: null,
          maxRewardsPerReferrer: cap,
        },
        "sk",
      );
    expect(terms(1, 1)).toBe(
      "Pozvite priateľa: dostanete 1 deň zdarma, keď sa priateľ zaregistruje alebo keď priateľ prvýkrát zaplatí (do 1 dňa). Najviac 1 odmena na osobu.",
    );
    expect(terms(3, 2)).toBe(
      "Pozvite priateľa: dostanete 3 dni zdarma, keď sa priateľ zaregistruje alebo keď priateľ prvýkrát zaplatí (do 3 dní). Najviac 2 odmeny na osobu.",
    );
  });

  it("promises nothing when the referrer gets nothing", () => {
    expect(
      describeReferralProgram(
        { ...program, reward: { type: "no_reward", options: {} }, friendReward: null },
        "sk",
      ),
    ).toBe("Pozvite priateľa, nech sa pridá.");
  });
});

describe("describeReward", () => {
  it("titles a granted reward from what it granted, in the reader's language", () => {
    const freeDays = {
      rewardType: "free_days",
      description: "30 free days",
      detail: { mode: "extended", days: 30, end_at: "2026-09-01T00:00:00.000Z" },
    };
    expect(describeReward(freeDays, "sk")).toBe("30 dní zdarma");
    expect(describeReward(freeDays, "en")).toBe("30 free days");
    const fixed = {
      rewardType: "discount",
      description: "€5.00 off a payment",
      detail: { code: "ABC", kind: "fixed", percent_off: null, amount_off_cents: 500 },
    };
    expect(describeReward(fixed, "sk")).toBe("zľava 5,00\u00a0€ na platbu");
  });

  it("titles a held reward from what it will grant", () => {
    const held = {
      rewardType: "discount",
      description: "20% off a payment",
      detail: { held: { type: "discount", options: { kind: "percent", percent_off: 20 } } },
    };
    expect(describeReward(held, "sk")).toBe("zľava 20 % na platbu");
  });

  it("falls back to the stored description when the detail says too little", () => {
    expect(
      describeReward({ rewardType: "free_days", description: "30 free days", detail: {} }, "sk"),
    ).toBe("30 free days");
  });
});

describe("rewardWords", () => {
  it("words what someone gets (the email's friend reward) in the accusative", () => {
    const percent = { type: "discount", options: { kind: "percent", percent_off: 20 } };
    expect(rewardWords(percent, "sk", "object")).toBe("zľavu 20 % na platbu");
    expect(rewardWords(percent, "en", "object")).toBe("20% off a payment");
  });
});
