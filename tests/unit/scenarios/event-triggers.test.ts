import { describe, expect, it } from "vitest";
import { DOMAIN_EVENT_CATALOG } from "@/lib/events/catalog";
import { DOMAIN_EVENT_NAMES } from "@/lib/events/event-names";
import { EVENT_TRIGGER_NAMES, findTrigger } from "@/lib/scenarios/triggers";

describe("event triggers", () => {
  it("are the catalog's scenario triggers, labelled and described as the catalog says", () => {
    expect(EVENT_TRIGGER_NAMES).toEqual(
      DOMAIN_EVENT_NAMES.filter((name) => DOMAIN_EVENT_CATALOG[name].scenarioTrigger),
    );
    expect(EVENT_TRIGGER_NAMES).not.toContain("user.signed_in");
    expect(findTrigger("user.created")).toMatchObject({
      label: "User registered",
      description: DOMAIN_EVENT_CATALOG["user.created"].description,
    });
  });

  it("carry the data their payload names (payment_id, subscription_id, recurrent_payment_id)", () => {
    expect(findTrigger("payment.paid")?.provides).toEqual(["payment", "subscription"]);
    expect(findTrigger("recurrent_payment.renewed")?.provides).toEqual([
      "payment",
      "subscription",
      "recurrent_payment",
    ]);
    expect(findTrigger("recurrent_payment.state_changed")?.provides).toEqual(["recurrent_payment"]);
    expect(findTrigger("user.created")?.provides).toEqual([]);
    expect(findTrigger("scenario.test")?.provides).toEqual([]);
  });
});
