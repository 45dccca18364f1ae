import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError, isAppError } from "@/lib/errors";
import { TooManyAttemptsError } from "@/lib/throttle/too-many-attempts-error";

export function errorResponse(
  status: number,
  code: string,
  message: string,
  details?: unknown,
): NextResponse {
  return NextResponse.json(
    details === undefined ? { error: code, message } : { error: code, message, details },
    { status },
  );
}

/** Map anything thrown by a handler to the API's error shape. Bad input is never a 500. */
export function toErrorResponse(error: unknown): NextResponse {
  if (isAppError(error)) {
    const response = errorResponse(error.status, error.code, error.message, error.details);
    if (error instanceof TooManyAttemptsError)
      response.headers.set("Retry-After", String(error.retryAfterSeconds));
    return response;
  }
  if (error instanceof z.ZodError) {
    return errorResponse(400, "validation_error", describeIssues(error), z.flattenError(error));
  }
  console.error("Unhandled API error", error);
  return errorResponse(500, "internal_error", "Something went wrong on our side.");
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) =>
      issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
    )
    .join("; ");
}

export { AppError };
