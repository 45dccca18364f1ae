import { DrizzleQueryError } from "drizzle-orm/errors";
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { conflictStateOf, markGatewayCalled, retryOnConflict } from "@/lib/db/retry-on-conflict";
import { AppError } from "@/lib/errors";
import { getGateway } from "@/lib/payments/gateways";

/** A driver error as pg raises it, wrapped the way drizzle wraps every failed query. */
function failedQuery(code: string, message = "conflict") {
  return new DrizzleQueryError(
    "update subscriptions set …",
    [],
    Object.assign(new Error(message), { code }),
  );
}

/** Work that fails with each of `errors` in turn, then answers "done"; counts its runs. */
function work(...errors: unknown[]) {
  const run = vi.fn(async () => {
    const next = errors.shift();
    if (next !== undefined) throw next;
    return "done";
  });
  return run;
}

let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

describe("retryOnConflict", () => {
  it("runs the work once more after a deadlock (40P01), with a warning naming the request", async () => {
    const run = work(failedQuery("40P01", "deadlock detected"));
    await expect(retryOnConflict("POST /api/v1/payments", run)).resolves.toBe("done");
    expect(run).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toMatch(
      /POST \/api\/v1\/payments: deadlock detected \(40P01\)/,
    );
  });

  it("runs it once more after a serialization failure (40001), found under a wrapping error", async () => {
    const wrapped = new Error("transaction failed", { cause: failedQuery("40001") });
    const run = work(wrapped);
    await expect(retryOnConflict("action billing.set-renewal", run)).resolves.toBe("done");
    expect(run).toHaveBeenCalledTimes(2);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/serialization failure \(40001\)/);
  });

  it("retries only once: a second conflict is thrown", async () => {
    const second = failedQuery("40P01");
    const run = work(failedQuery("40P01"), second);
    await expect(retryOnConflict("POST /api/v1/payments", run)).rejects.toBe(second);
    expect(run).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenCalledOnce();
  });

  it.each([
    ["a unique violation", failedQuery("23505")],
    ["a domain error", new AppError("payment_declined", "Declined.", 402)],
    ["an error without a code", new Error("boom")],
  ])("does not retry %s", async (_name, error) => {
    const run = work(error);
    await expect(retryOnConflict("POST /api/v1/purchases", run)).rejects.toBe(error);
    expect(run).toHaveBeenCalledOnce();
    expect(warn).not.toHaveBeenCalled();
  });

  it("never retries once a gateway was called in the request", async () => {
    const conflict = failedQuery("40P01");
    const run = vi.fn(async () => {
      markGatewayCalled();
      throw conflict;
    });
    await expect(retryOnConflict("POST /api/v1/purchases", run)).rejects.toBe(conflict);
    expect(run).toHaveBeenCalledOnce();
    expect(warn).not.toHaveBeenCalled();
  });

  it("is told by the gateway registry: a request that reached a gateway is not run again", async () => {
    const conflict = failedQuery("40P01");
    const run = vi.fn(async () => {
      const saved = await getGateway("demo").saveCard({
        idempotencyKey: "save-1",
        customer: { userId: 1, email: "a@example.com", name: null },
        currency: "eur",
        cardToken: "tok_visa",
        returnUrl: "http://localhost/return",
        cancelUrl: "http://localhost/cancel",
      });
      expect(saved.status).toBe("saved");
      throw conflict;
    });
    await expect(retryOnConflict("action billing.save-card", run)).rejects.toBe(conflict);
    expect(run).toHaveBeenCalledOnce();
  });

  it("forgets a gateway call when the request is over: the next request may be retried", async () => {
    await retryOnConflict("POST /api/v1/purchases", async () => markGatewayCalled());
    const run = work(failedQuery("40P01"));
    await expect(retryOnConflict("POST /api/v1/payments", run)).resolves.toBe("done");
    expect(run).toHaveBeenCalledTimes(2);
  });

  it("leaves the retry to the outermost call when nested", async () => {
    const inner = work(failedQuery("40P01"));
    const outer = vi.fn(() => retryOnConflict("inner", inner));
    await expect(retryOnConflict("outer", outer)).resolves.toBe("done");
    expect(outer).toHaveBeenCalledTimes(2);
    expect(inner).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/^outer:/);
  });

  it("lets a gateway be marked outside any request (a cron) without effect", () => {
    expect(() => markGatewayCalled()).not.toThrow();
  });
});

describe("conflictStateOf", () => {
  it("finds the SQLSTATE on the error or its causes, and nothing else", () => {
    expect(conflictStateOf(Object.assign(new Error("x"), { code: "40P01" }))).toBe("40P01");
    expect(conflictStateOf(failedQuery("40001"))).toBe("40001");
    expect(conflictStateOf(failedQuery("23505"))).toBeNull();
    expect(conflictStateOf(new AppError("invalid", "Invalid.", 400))).toBeNull();
    expect(conflictStateOf(null)).toBeNull();
  });
});
