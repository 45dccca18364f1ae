import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/api/openapi";
import { toErrorResponse } from "@/lib/api/responses";

/** The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the routes parse with. No token needed. */
export function GET(): NextResponse {
  try {
    return NextResponse.json(openApiDocument());
  } catch (error) {
    return toErrorResponse(error);
  }
}
