import { describe, expect, it } from "vitest";
import { describeVisit } from "@/lib/scenarios/inspector/describe-visit";
import { emailNode } from "@/lib/scenarios/nodes/email/definition";
import { graphNodeSchema } from "@/lib/scenarios/graph";

describe("email node: when the frequency cap or quiet hours hold the email", () => {
  const node = (config: unknown) =>
    graphNodeSchema.safeParse({ id: "m", type: "email", config, position: { x: 0, y: 0 } });

  it("accepts skip and delay, and a config without the option (graphs published before it: skip)", () => {
    expect(node({ template: "promo", whenLimited: "skip" }).success).toBe(true);
    expect(node({ template: "promo", whenLimited: "delay" }).success).toBe(true);
    expect(node({ template: "promo" }).success).toBe(true);
    expect(node({ template: "promo", whenLimited: "later" }).success).toBe(false);
    expect(emailNode.defaultConfig.whenLimited).toBe("skip");
  });

  it("says so in the summary when it delays", () => {
    expect(emailNode.summary({ template: "promo", whenLimited: "delay" })).toBe(
      "Email: promo · delayed when limited",
    );
    expect(emailNode.summary({ template: "promo" })).toBe("Email: promo");
  });
});

describe("email node visits in the inspector", () => {
  it("names why an email was skipped, and that the run went on", () => {
    expect(
      describeVisit("email", "skipped", { template: "promo", skip_reason: "quiet_hours" }),
    ).toBe("email promo skipped: quiet hours → out");
    expect(
      describeVisit("email", "skipped", { template: "promo", skip_reason: "unsubscribed" }),
    ).toBe("email promo skipped: the user left its topic → out");
  });

  it("shows a held email as waiting until the time it may go", () => {
    expect(
      describeVisit("email", null, {
        template: "promo",
        skip_reason: "frequency_cap",
        held_until: "2026-09-01T23:00:00.000Z",
      }),
    ).toBe("email promo: held (frequency cap) until 2026-09-01T23:00:00.000Z");
  });

  it("reads sent and already-sent visits as before", () => {
    expect(describeVisit("email", "out", { template: "promo", sent_now: true })).toBe(
      "email promo sent",
    );
    expect(describeVisit("email", "out", { template: "promo", sent_now: false })).toBe(
      "email promo already sent",
    );
  });
});
