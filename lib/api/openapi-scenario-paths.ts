import type { ZodOpenApiObject } from "zod-openapi";
import { deleteScenarioOperation, getScenarioOperation, updateScenarioOperation } from "@/app/api/v1/scenarios/[id]/schema";
import { disableScenarioOperation } from "@/app/api/v1/scenarios/[id]/disable/schema";
import { duplicateScenarioOperation } from "@/app/api/v1/scenarios/[id]/duplicate/schema";
import { enableScenarioOperation } from "@/app/api/v1/scenarios/[id]/enable/schema";
import { publishScenarioOperation } from "@/app/api/v1/scenarios/[id]/publish/schema";
import { restoreScenarioOperation } from "@/app/api/v1/scenarios/[id]/restore/schema";
import { getScenarioRunOperation, listScenarioRunsOperation } from "@/app/api/v1/scenarios/[id]/runs/schema";
import { simulateScenarioOperation } from "@/app/api/v1/scenarios/[id]/simulate/schema";
import { getScenarioStatsOperation } from "@/app/api/v1/scenarios/[id]/stats/schema";
import { getScenarioVersionOperation, listScenarioVersionsOperation } from "@/app/api/v1/scenarios/[id]/versions/schema";
import { createScenarioOperation, listScenariosOperation } from "@/app/api/v1/scenarios/schema";
import { fireScenarioTestOperation } from "@/app/api/v1/scenarios/test-event/schema";
import { restoreScenarioVersionOperation } from "@/app/api/v1/scenarios/[id]/versions/[number]/restore/schema";
import { getScenarioRegistryOperation } from "@/app/api/v1/scenarios/registry/schema";

/**
 * The scenarios API's entries of the OpenAPI `paths` (spread into lib/api/openapi.ts). Path parameters are written
 * the OpenAPI way (`{id}`); the route directories use Next's `[id]`.
 */
export const scenarioPaths: ZodOpenApiObject["paths"] = {
  "/scenarios": { get: listScenariosOperation, post: createScenarioOperation },
  "/scenarios/test-event": { post: fireScenarioTestOperation },
  "/scenarios/registry": { get: getScenarioRegistryOperation },
  "/scenarios/{id}": { get: getScenarioOperation, put: updateScenarioOperation, delete: deleteScenarioOperation },
  "/scenarios/{id}/publish": { post: publishScenarioOperation },
  "/scenarios/{id}/enable": { post: enableScenarioOperation },
  "/scenarios/{id}/disable": { post: disableScenarioOperation },
  "/scenarios/{id}/duplicate": { post: duplicateScenarioOperation },
  "/scenarios/{id}/restore": { post: restoreScenarioOperation },
  "/scenarios/{id}/versions": { get: listScenarioVersionsOperation },
  "/scenarios/{id}/versions/{number}": { get: getScenarioVersionOperation },
  "/scenarios/{id}/versions/{number}/restore": { post: restoreScenarioVersionOperation },
  "/scenarios/{id}/stats": { get: getScenarioStatsOperation },
  "/scenarios/{id}/runs": { get: listScenarioRunsOperation },
  "/scenarios/{id}/runs/{runId}": { get: getScenarioRunOperation },
  "/scenarios/{id}/simulate": { post: simulateScenarioOperation },
};
