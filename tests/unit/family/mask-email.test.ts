import { describe, expect, it } from "vitest";
import { maskEmail } from "@/lib/mask-email";

// The activation page names a master without a name by a masked address: recognisable, not harvestable.
describe("maskEmail", () => {
  it("keeps the first and last character of the local part and the domain", () => {
    expect(maskEmail("jane.doe@example.com")).toBe("j•••e@example.com");
  });
  it("hides short local parts behind their first character", () => {
    expect(maskEmail("jo@example.com")).toBe("j•••@example.com");
    expect(maskEmail("j@example.com")).toBe("j•••@example.com");
  });
  it("reveals nothing of something that is not an address", () => {
    expect(maskEmail("@example.com")).toBe("•••");
    expect(maskEmail("nobody")).toBe("•••");
  });
});
