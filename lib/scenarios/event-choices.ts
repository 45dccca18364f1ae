/**
 * The events a scenario can name in its exit rules and wait-for-event nodes, as the builder lists them: every domain
 * event of the catalog (with the keys of its data, for filters), besides custom events typed by name. UI-safe shapes;
 * built on the server (the catalog's payload schemas stay there).
 */
import { z } from "zod";
import { DOMAIN_EVENT_CATALOG } from "@/lib/events/catalog";
import { DOMAIN_EVENT_NAMES } from "@/lib/events/event-names";
import type { EventChoice } from "./builder-option-types";

export function scenarioEventChoices(): EventChoice[] {
  return DOMAIN_EVENT_NAMES.filter((name) => name !== "scenario.test").map((name) => {
    const { label, payload } = DOMAIN_EVENT_CATALOG[name];
    return {
      event: name,
      label,
      fields: payload instanceof z.ZodObject ? Object.keys(payload.shape) : [],
    };
  });
}
