import "server-only";
import { NextResponse } from "next/server";
import { graphErrorsOf } from "@/lib/scenarios/admin/scenario-errors";
import { serializeGraphErrors } from "../scenarios/scenario-json";

/**
 * Runs a handler that may refuse an invalid graph, and answers that refusal as
 * `400 { error: "scenario_invalid", message, errors: [{ node_id, code, message }] }` — the errors at the top level,
 * snake_case, so a client can outline each node without digging through `details`.
 */
export async function answeringGraphErrors(
  handler: () => Promise<NextResponse>,
): Promise<NextResponse> {
  try {
    return await handler();
  } catch (error) {
    const errors = graphErrorsOf(error);
    if (errors === null) throw error;
    return NextResponse.json(
      {
        error: "scenario_invalid",
        message: (error as Error).message,
        errors: serializeGraphErrors(errors),
      },
      { status: 400 },
    );
  }
}
