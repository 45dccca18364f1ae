import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { SCENARIOS_AUTH } from "@/lib/api/scenario-route-params";
import { describeGenericActions } from "@/lib/scenarios/actions";
import { describeCriteria } from "@/lib/scenarios/criteria";
import { NODE_DEFINITIONS, NODE_TYPES } from "@/lib/scenarios/nodes/definitions";
import { TRIGGERS } from "@/lib/scenarios/triggers";

/** The registries a graph is built from, so a program can write valid graphs (and the builder can render forms). */
export const GET = apiRoute({ auth: SCENARIOS_AUTH }, async () =>
  NextResponse.json({
    node_types: NODE_TYPES.map((type) => {
      const definition = NODE_DEFINITIONS[type];
      return {
        type,
        group: definition.group,
        label: definition.label,
        description: definition.description,
      };
    }),
    triggers: TRIGGERS.map((t) => ({
      event: t.event,
      label: t.label,
      description: t.description,
      provides: t.provides,
    })),
    criteria: describeCriteria().map(({ valueSchema, valueInput, ...rest }) => ({
      ...rest,
      value_input: valueInput,
      value_schema: valueSchema,
    })),
    actions: describeGenericActions().map(({ paramsSchema, ...rest }) => ({
      ...rest,
      params_schema: paramsSchema,
    })),
  }),
);
