import { describe, expect, it } from "vitest";
import { describeFriendOffer } from "@/components/customer/referrals/program-summary";

describe("describeFriendOffer", () => {
  it("says the friend's reward and what earns it, to the friend", () => {
    const friendReward = { type: "discount", options: { kind: "percent", percent_off: 20 } };
    expect(
      describeFriendOffer(
        { triggers: [{ type: "first_payment", options: {} }], friendReward },
        "en",
      ),
    ).toBe("You get 20% off a payment when you first pay.");
    expect(
      describeFriendOffer(
        {
          triggers: [
            { type: "sign_up", options: {} },
            { type: "first_payment", options: {} },
          ],
          friendReward,
        },
        "en",
      ),
    ).toBe("You get 20% off a payment when you sign up or first pay.");
  });

  it("says it in the visitor's language", () => {
    const friendReward = { type: "discount", options: { kind: "fixed", amount_off_cents: 500 } };
    expect(
      describeFriendOffer(
        {
          triggers: [
            { type: "sign_up", options: {} },
            { type: "first_payment", options: {} },
          ],
          friendReward,
        },
        "sk",
      ),
    ).toBe(
      "Dostanete zľavu 5,00\u00a0€ na platbu, keď sa zaregistrujete alebo prvýkrát zaplatíte.",
    );
  });

  it("is null for a one-sided program or a friend reward of nothing", () => {
    expect(
      describeFriendOffer(
        { triggers: [{ type: "sign_up", options: {} }], friendReward: null },
        "en",
      ),
    ).toBeNull();
    expect(
      describeFriendOffer(
        {
          triggers: [{ type: "sign_up", options: {} }],
          friendReward: { type: "no_reward", options: {} },
        },
        "sk",
      ),
    ).toBeNull();
  });
});
