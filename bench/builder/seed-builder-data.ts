import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";
import { saveEmailTemplate } from "@/lib/email/save-email-template";
import { createScenario } from "@/lib/scenarios/admin/create-scenario";
import type { ScenarioGraph } from "@/lib/scenarios/graph";
import { validateGraph } from "@/lib/scenarios/validate-graph";
import { createUser } from "@/lib/users/create-user";
import { layeredGraph } from "./layered-graph";

export interface Account {
  email: string;
  password: string;
}

export interface BuilderBenchData {
  admin: Account;
  customer: Account;
  scenarioId: number;
  /** The draft's graph, which the bench also draws on a bare React Flow canvas. */
  graph: ScenarioGraph;
}

/**
 * What the builder bench signs in with and opens, made through the app's own functions: an admin, a customer and a
 * draft scenario of `nodes` nodes and `edges` edges that passes validation. Names carry a random suffix, so a shared
 * Postgres database can hold several runs.
 */
export async function seedBuilderData(
  db: Db,
  size: { nodes: number; edges: number },
): Promise<BuilderBenchData> {
  const suffix = randomBytes(4).toString("hex");
  const admin = { email: `bench-admin-${suffix}@subflow.test`, password: `bench-${suffix}` };
  const customer = { email: `bench-customer-${suffix}@subflow.test`, password: `bench-${suffix}` };
  await createUser(db, {
    ...admin,
    name: "Bench Admin",
    role: "admin",
    confirmed: true,
    source: "seed",
  });
  await createUser(db, { ...customer, name: "Bench Customer", confirmed: true, source: "seed" });
  const template = `bench_builder_${suffix}`;
  await saveEmailTemplate(db, {
    code: template,
    name: "Builder bench",
    subject: "Hello",
    bodyHtml: "<p>Hello</p>",
    bodyText: "Hello",
  });
  const graph = layeredGraph({ ...size, width: 15, template });
  const { errors } = await validateGraph(db, graph);
  if (errors.length > 0)
    throw new Error(
      `the bench graph does not validate: ${errors
        .slice(0, 3)
        .map((e) => e.message)
        .join("; ")}`,
    );
  const scenario = await createScenario(db, {
    name: `Builder bench ${size.nodes} nodes (${suffix})`,
    reentry: "once",
    graph,
  });
  return { admin, customer, scenarioId: scenario.id, graph };
}
