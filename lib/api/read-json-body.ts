import { AppError } from "@/lib/errors";
import { findJsonBodyProblem, MAX_JSON_DEPTH } from "./storable-text";

/** The largest JSON body a route reads (1 MB): far beyond any body the API takes. */
const MAX_BODY_BYTES = 1024 * 1024;

/** `application/json` or a structured `+json` type (`application/merge-patch+json`), in any letter case. */
const JSON_MEDIA_TYPE = /^application\/(?:[a-z0-9!#$&^_.-]+\+)?json$/i;

/**
 * Whether a Content-Type header declares JSON: `application/json` or `application/*+json`, with any parameters, but
 * a `charset` only if it is UTF-8 (JSON between systems is UTF-8, RFC 8259). A missing header is not JSON: a client
 * that does not say what it sends is refused rather than guessed at.
 */
export function isJsonContentType(header: string | null): boolean {
  if (header === null) return false;
  const [essence = "", ...parameters] = header.split(";");
  if (!JSON_MEDIA_TYPE.test(essence.trim())) return false;
  return parameters.every((parameter) => {
    const [name = "", value = ""] = parameter.split("=");
    if (name.trim().toLowerCase() !== "charset") return true;
    const charset = value
      .trim()
      .replace(/^"(.*)"$/, "$1")
      .toLowerCase();
    return charset === "utf-8" || charset === "utf8";
  });
}

const bodyTooLarge = () =>
  new AppError("body_too_large", `The body is larger than ${MAX_BODY_BYTES / 1024} KB.`, 413);

/**
 * The body's bytes, read with a running count that stops at `limit`: a body sent without a length (chunked) is never
 * held whole past the limit.
 */
async function readBytes(request: Request, limit: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw bodyTooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * A route's JSON body, or the 4xx that says what is wrong with it: 415 for a body not declared as JSON, 413 over
 * 1 MB (by its declared length before reading, or while reading), 400 for an empty body, invalid UTF-8 or JSON,
 * nesting deeper than 64 levels, or text Postgres cannot store.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  if (!isJsonContentType(request.headers.get("content-type"))) {
    throw new AppError(
      "unsupported_media_type",
      "Send the body as JSON, with the header Content-Type: application/json.",
      415,
    );
  }
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw bodyTooLarge();
  const bytes = await readBytes(request, MAX_BODY_BYTES);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("invalid_json", "The body is not valid UTF-8.", 400);
  }
  if (text.trim() === "") throw new AppError("invalid_body", "Send a JSON body.", 400);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("invalid_json", "The body is not valid JSON.", 400);
  }
  const problem = findJsonBodyProblem(value);
  if (problem === "too_deep") {
    throw new AppError(
      "invalid_body",
      `The body is nested deeper than ${MAX_JSON_DEPTH} levels.`,
      400,
    );
  }
  if (problem === "unstorable") {
    throw new AppError(
      "invalid_body",
      "Text in the body may not contain NUL characters or unpaired surrogates.",
      400,
    );
  }
  return value;
}
