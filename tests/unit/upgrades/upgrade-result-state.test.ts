import { describe, expect, it } from "vitest";
import { upgradeResultState } from "@/lib/upgrades/upgrade-result-state";

describe("upgradeResultState (the customer's upgrade result page)", () => {
  it("says upgraded only for a completed upgrade", () => {
    expect(upgradeResultState({ status: "completed" }, { status: "paid" })).toBe("upgraded");
    expect(upgradeResultState({ status: "completed" }, null)).toBe("upgraded");
  });

  it("asks to pay a pending upgrade whose payment is still open", () => {
    expect(upgradeResultState({ status: "pending" }, { status: "form" })).toBe("awaiting_payment");
  });

  it("a pending upgrade whose charge is at the gateway is being charged", () => {
    expect(upgradeResultState({ status: "pending" }, { status: "pending" })).toBe("charging");
  });

  it("a pending upgrade whose payment is no longer open was not completed, never upgraded", () => {
    for (const status of ["fail", "refund", "paid"]) {
      expect(upgradeResultState({ status: "pending" }, { status })).toBe("not_completed");
    }
    expect(upgradeResultState({ status: "pending" }, null)).toBe("not_completed");
  });
});
