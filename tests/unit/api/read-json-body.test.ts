import { describe, expect, it } from "vitest";
import { isJsonContentType, readJsonBody } from "@/lib/api/read-json-body";

describe("isJsonContentType", () => {
  it.each([
    "application/json",
    "Application/JSON",
    "application/json; charset=utf-8",
    "application/json;charset=UTF-8",
    'application/json; charset="utf-8"',
    "application/json; charset=utf8",
    "application/merge-patch+json",
    "application/vnd.api+json; version=2",
    "  application/json  ",
  ])("takes %j as JSON", (header) => {
    expect(isJsonContentType(header)).toBe(true);
  });

  it.each([
    null,
    "",
    "text/plain;charset=UTF-8",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "text/json",
    "application/jsonp",
    "application/json-seq",
    "application/+json",
    "application/json; charset=latin1",
    "application/json, text/plain",
    "application/xml",
  ])("refuses %j", (header) => {
    expect(isJsonContentType(header)).toBe(false);
  });
});

/** A POST whose body arrives as a stream of chunks, without a Content-Length (as a chunked upload does). */
function streamed(chunks: Uint8Array[], contentType = "application/json") {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[pulled++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
  });
  const request = new Request("http://localhost/api/v1/x", {
    method: "POST",
    body: stream,
    headers: { "content-type": contentType },
    duplex: "half",
  } as RequestInit);
  return { request, pulled: () => pulled };
}

async function refusal(request: Request) {
  try {
    await readJsonBody(request);
  } catch (error) {
    const { code, status } = error as { code: string; status: number };
    return { code, status };
  }
  throw new Error("the body was accepted");
}

describe("readJsonBody", () => {
  const post = (body: BodyInit | null, headers: Record<string, string>) =>
    new Request("http://localhost/api/v1/x", { method: "POST", body, headers });

  it("reads a JSON body declared as JSON", async () => {
    const request = post('{"a":[1,"é"]}', { "content-type": "application/json; charset=utf-8" });
    expect(await readJsonBody(request)).toEqual({ a: [1, "é"] });
  });

  it("refuses a body declared as anything else, or not declared, with 415 before reading it", async () => {
    expect(await refusal(post('{"a":1}', {}))).toEqual({
      code: "unsupported_media_type",
      status: 415,
    });
    // A string body without a header is labelled text/plain by fetch.
    const plain = new Request("http://localhost/", { method: "POST", body: '{"a":1}' });
    expect(plain.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await refusal(plain)).toEqual({ code: "unsupported_media_type", status: 415 });
    const form = post("a=1", { "content-type": "application/x-www-form-urlencoded" });
    expect(await refusal(form)).toEqual({ code: "unsupported_media_type", status: 415 });
    expect(form.bodyUsed).toBe(false);
  });

  it("refuses a chunked body over 1 MB once the count passes the limit, without reading the rest", async () => {
    const chunk = new Uint8Array(256 * 1024).fill(0x20);
    const body = streamed(Array.from({ length: 40 }, () => chunk));
    expect(await refusal(body.request)).toEqual({ code: "body_too_large", status: 413 });
    // 1 MB is four chunks: the fifth crosses the limit, and the 35 after it are never pulled.
    expect(body.pulled()).toBeLessThanOrEqual(6);
  });

  it("reads a chunked body of exactly 1 MB", async () => {
    const padding = 1024 * 1024 - '{"a":""}'.length;
    const text = `{"a":"${"x".repeat(padding)}"}`;
    const bytes = new TextEncoder().encode(text);
    const body = streamed([bytes.slice(0, 1000), bytes.slice(1000)]);
    expect(await readJsonBody(body.request)).toEqual({ a: "x".repeat(padding) });
  });

  it("refuses a declared length over 1 MB with 413", async () => {
    const request = post("{}", {
      "content-type": "application/json",
      "content-length": String(1024 * 1024 + 1),
    });
    expect(await refusal(request)).toEqual({ code: "body_too_large", status: 413 });
  });

  it("refuses bytes that are not UTF-8, an empty body and invalid JSON with 400", async () => {
    const json = { "content-type": "application/json" };
    const latin1 = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]); // {"a":"é"} in Latin-1
    expect(await refusal(post(latin1, json))).toEqual({ code: "invalid_json", status: 400 });
    expect(await refusal(post("  ", json))).toEqual({ code: "invalid_body", status: 400 });
    expect(await refusal(post(null, json))).toEqual({ code: "invalid_body", status: 400 });
    expect(await refusal(post('{"a":', json))).toEqual({ code: "invalid_json", status: 400 });
  });
});
