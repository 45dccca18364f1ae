import "server-only";
import type { BuilderOptions } from "@/lib/scenarios/builder-option-types";
import { listBanners } from "@/lib/banners/list-banners";
import type { Db } from "@/lib/db";
import { listEmailTemplates } from "@/lib/email/list-email-templates";
import { listGoals } from "@/lib/goals/list-goals";
import { describeGenericActions } from "@/lib/scenarios/actions";
import { describeCriteria } from "@/lib/scenarios/criteria";
import { EVENT_TRIGGERS } from "@/lib/scenarios/triggers";
import { scenarioEventChoices } from "@/lib/scenarios/event-choices";
import { listSegments } from "@/lib/segments/list-segments";
import { listContentAccess } from "@/lib/subscriptions/list-content-access";
import { listSubscriptionTypes } from "@/lib/subscriptions/list-subscription-types";

/**
 * What the builder's forms choose from, loaded once per builder page: the registries' UI-safe descriptions and the
 * real lists, in parallel. The event node lists the event catalog's scenario triggers; the before-event node picks
 * before-event triggers itself.
 */
export async function loadBuilderOptions(db: Db): Promise<BuilderOptions> {
  const [templates, segments, banners, goals, contentAccess, subscriptionTypes] = await Promise.all(
    [
      listEmailTemplates(db),
      listSegments(db),
      listBanners(db),
      listGoals(db),
      listContentAccess(db),
      listSubscriptionTypes(db),
    ],
  );
  return {
    triggers: EVENT_TRIGGERS.map((t) => ({
      event: t.event,
      label: t.label,
      description: t.description,
      provides: [...t.provides],
    })),
    events: scenarioEventChoices(),
    criteria: describeCriteria(),
    actions: describeGenericActions(),
    templates: templates.map((t) => ({ code: t.code, name: t.name })),
    segments: segments.map((s) => ({ code: s.code, name: s.name })),
    banners: banners.map((b) => ({ id: b.id, name: b.name })),
    goals: goals.map((g) => ({ code: g.code, name: g.name })),
    contentAccess: contentAccess.map((c) => ({
      code: c.code,
      name: c.name,
      description: c.description,
    })),
    subscriptionTypes: subscriptionTypes.map((t) => ({ code: t.code, name: t.name })),
  };
}
