import "server-only";
import { and, eq, ne, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { scenarios, scenarioVersions } from "@/lib/db/schema";
import { conflict } from "@/lib/errors";

/** Something a scenario graph can refer to. */
export type ScenarioReference =
  | { kind: "segment"; code: string }
  | { kind: "goal"; code: string }
  | { kind: "banner"; id: number }
  | { kind: "template"; code: string };

const PATHS: Record<ScenarioReference["kind"], string> = {
  segment: '$.nodes[*] ? (@.type == "segment" && @.config.segment == $value)',
  goal: '$.nodes[*] ? (@.type == "goal" && @.config.goals[*] == $value)',
  banner: '$.nodes[*] ? (@.type == "banner" && @.config.bannerId == $value)',
  template: '$.nodes[*] ? (@.type == "email" && @.config.template == $value)',
};

/** Scenarios (not deleted) whose draft or current version uses the thing: deleting it would break them. */
export async function findScenariosUsing(
  db: Db,
  reference: ScenarioReference,
): Promise<{ id: number; name: string }[]> {
  const value = reference.kind === "banner" ? reference.id : reference.code;
  const vars = sql`jsonb_build_object('value', ${JSON.stringify(value)}::jsonb)`;
  const uses = (graph: typeof scenarios.draftGraph | typeof scenarioVersions.graph) =>
    sql`jsonb_path_exists(${graph}, ${PATHS[reference.kind]}::jsonpath, ${vars})`;
  return db
    .select({ id: scenarios.id, name: scenarios.name })
    .from(scenarios)
    .leftJoin(scenarioVersions, eq(scenarioVersions.id, scenarios.currentVersionId))
    .where(
      and(
        ne(scenarios.status, "deleted"),
        or(uses(scenarios.draftGraph), uses(scenarioVersions.graph)),
      ),
    )
    .orderBy(scenarios.name);
}

/** Refuse (409 `<kind>_in_use`) to delete what a scenario still uses, naming the scenarios. */
export async function refuseIfScenariosUse(
  db: Db,
  reference: ScenarioReference,
  label: string,
): Promise<void> {
  const using = await findScenariosUsing(db, reference);
  if (using.length === 0) return;
  const names = using.map((s) => `"${s.name}"`).join(", ");
  throw conflict(
    `${reference.kind}_in_use`,
    `${label} is used by the scenario${using.length > 1 ? "s" : ""} ${names}; change ${using.length > 1 ? "them" : "it"} first.`,
  );
}
