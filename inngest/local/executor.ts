import "server-only";
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { asyncCheckpointSchema, checkpointSteps } from "./checkpoint-steps";
import { flushBatches } from "./batch-events";
import { claimJobs, extendLease } from "./claim-jobs";
import { fireDueCrons } from "./fire-due-crons";
import { ingestEvents } from "./ingest-events";
import { loadCallStates } from "./load-call-states";
import { processJob } from "./process-job";
import { incomingEventSchema, registerBodySchema } from "./protocol";
import { loadFunctions, registerFunctions } from "./register-functions";
import { bearerMatches } from "./request-signature";

export interface LocalExecutorOptions {
  db: Db;
  /** The app's Inngest serve endpoint, e.g. http://localhost:3000/api/inngest. */
  appUrl: string;
  port?: number;
  host?: string;
  /** How many jobs one loop works on at once. */
  concurrency?: number;
  /** Wall-clock lease of a job; a killed executor's jobs are picked up after it runs out. */
  leaseMs?: number;
  /** Poll interval of the background loop; 0 = no background loop (tests drive it with drain()). */
  pollMs?: number;
  log?: (message: string) => void;
  /**
   * The app's INNGEST_SIGNING_KEY, for an app in production mode: every call is signed with it, answers must be
   * signed with it, and the SDK's syncs and checkpoints must carry its hash. Unset: an app in dev mode (no signing).
   */
  signingKey?: string;
  /** The app's INNGEST_EVENT_KEY: events are taken only at /e/<this key>. Unset: any key. */
  eventKey?: string;
  /** Let the SDK checkpoint eagerly run steps, as Inngest Cloud does (default); false: one step per call. */
  checkpointing?: boolean;
  /**
   * Fault injection for tests: a checkpoint whose body this returns true for is refused, as a failing checkpoint API
   * would be, so the SDK falls back to returning those steps in its answer.
   */
  refuseCheckpoint?: (body: string) => boolean;
}

/**
 * The local stand-in for the Inngest Dev Server: it takes the app's function registrations and events over
 * Inngest's HTTP protocol, keeps all run state in Postgres, and calls the app's real serve endpoint.
 * It exists for development and tests; production runs on Inngest.
 */
export class LocalExecutor {
  readonly owner = `executor-${randomUUID()}`;
  private server: Server | null = null;
  private timer: NodeJS.Timeout | null = null;
  private loop: Promise<void> | null = null;
  private stopped = false;
  /** Steps checkpointed during each job's call, so the call's answer is not mistaken for someone else's progress. */
  private readonly checkpointedByJob = new Map<number, number>();
  url = "";

  constructor(private readonly options: LocalExecutorOptions) {}

  private get db(): Db {
    return this.options.db;
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      this.route(request, response).catch((error: unknown) => {
        this.log(`request failed: ${String(error)}`);
        send(response, 500, { error: "internal_error", message: String(error) });
      });
    });
    await new Promise<void>((resolve) =>
      this.server!.listen(this.options.port ?? 8288, this.options.host ?? "127.0.0.1", resolve),
    );
    const address = this.server.address() as AddressInfo;
    this.url = `http://${this.options.host ?? "127.0.0.1"}:${address.port}`;
    const pollMs = this.options.pollMs ?? 250;
    if (pollMs > 0) this.timer = setInterval(() => this.kick(), pollMs);
    return this.url;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.loop;
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  /**
   * Ask the app to register its functions (PUT on its serve endpoint); the SDK posts them to /fn/register.
   * Passing a URL makes it the app this executor calls from now on.
   */
  async sync(appUrl?: string): Promise<{ ok: boolean; message: string }> {
    if (appUrl) this.options.appUrl = appUrl;
    const response = await fetch(this.options.appUrl, { method: "PUT" });
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    return { ok: response.ok, message: body.message ?? response.statusText };
  }

  /**
   * Work until nothing is due (tests: advance the virtual clock, then drain). Batches of `batchEvents` functions start
   * once nothing else is due, however young: a drained executor has no events waiting. Returns the jobs done.
   */
  async drain(maxRounds = 10_000): Promise<number> {
    return this.work(maxRounds, { flushBatches: true });
  }

  private async work(maxRounds: number, options: { flushBatches: boolean }): Promise<number> {
    let done = 0;
    for (let round = 0; round < maxRounds; round++) {
      let worked = await this.workOnce();
      if (worked === 0 && options.flushBatches)
        worked = await flushBatches(this.db, await loadFunctions(this.db), { all: true });
      if (worked === 0) return done;
      done += worked;
    }
    throw new Error(`executor did not settle after ${maxRounds} rounds`);
  }

  /** Start a background pass unless one is running (background mode only: tests drive the executor with drain()). */
  kick(): void {
    if (this.loop || this.stopped || (this.options.pollMs ?? 250) === 0) return;
    this.loop = this.work(10_000, { flushBatches: false })
      .then(() => undefined)
      .catch((error: unknown) => this.log(`loop failed: ${String(error)}`))
      .finally(() => {
        this.loop = null;
      });
  }

  private async workOnce(): Promise<number> {
    const functions = await loadFunctions(this.db);
    const crons = await fireDueCrons(this.db, functions);
    const batches = await flushBatches(this.db, functions, { all: false });
    const leaseMs = this.options.leaseMs ?? 30_000;
    const jobs = await claimJobs(this.db, {
      owner: this.owner,
      limit: this.options.concurrency ?? 4,
      leaseMs,
    });
    // Should the round's query fail, each call job loads its own run instead (and fails alone, logged).
    const callStates = await loadCallStates(this.db, jobs).catch((error: unknown) => {
      this.log(`loading the runs of a round's ${jobs.length} jobs failed: ${String(error)}`);
      return null;
    });
    await Promise.all(
      jobs.map(async (job) => {
        const heartbeat = setInterval(
          () => {
            extendLease(this.db, { jobId: job.id, owner: this.owner, leaseMs }).catch(
              () => undefined,
            );
          },
          Math.max(leaseMs / 3, 50),
        );
        try {
          await processJob(
            this.db,
            job,
            this.owner,
            {
              signingKey: this.options.signingKey,
              checkpointing: this.options.checkpointing ?? true,
              takeCheckpointedCount: (jobId) => {
                const count = this.checkpointedByJob.get(jobId) ?? 0;
                this.checkpointedByJob.delete(jobId);
                return count;
              },
            },
            callStates ? (callStates.get(job.runId) ?? null) : undefined,
          );
        } catch (error) {
          this.log(`job ${job.id} of run ${job.runId} failed: ${String(error)}`);
        } finally {
          clearInterval(heartbeat);
        }
      }),
    );
    return crons + batches + jobs.length;
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://executor");
    if (request.method === "GET" && url.pathname === "/health")
      return send(response, 200, { ok: true });
    const { signingKey, eventKey } = this.options;
    const isApiCall = url.pathname === "/fn/register" || url.pathname.startsWith("/v1/");
    if (isApiCall && signingKey && !bearerMatches(request.headers.authorization, signingKey))
      return send(response, 401, { error: "unauthorized", message: "signing key mismatch" });
    if (request.method === "POST" && url.pathname === "/fn/register") {
      const body = registerBodySchema.parse(JSON.parse(await readBody(request)));
      const result = await registerFunctions(this.db, body.url, body.functions);
      if (!result.ok) {
        this.log(`sync refused: ${result.error}`);
        return send(response, 400, { status: 400, error: result.error, modified: false });
      }
      this.log(`synced ${result.functions.length} functions from ${body.url}`);
      this.kick();
      return send(response, 200, { ok: true, status: 200, modified: result.modified });
    }
    if (request.method === "POST" && url.pathname.startsWith("/e/")) {
      if (eventKey && decodeURIComponent(url.pathname.slice("/e/".length)) !== eventKey)
        return send(response, 401, { ids: [], status: 401, error: "Event key not found" });
      const parsed = z
        .union([incomingEventSchema, z.array(incomingEventSchema)])
        .safeParse(JSON.parse(await readBody(request)));
      if (!parsed.success)
        return send(response, 400, { ids: [], status: 400, error: parsed.error.message });
      const result = await ingestEvents(
        this.db,
        Array.isArray(parsed.data) ? parsed.data : [parsed.data],
      );
      this.kick();
      return send(response, 200, { ids: result.ids, status: 200 });
    }
    const checkpointPath = /^\/v1\/checkpoint\/([^/]+)\/async$/.exec(url.pathname);
    if (request.method === "POST" && checkpointPath) {
      const body = await readBody(request);
      if (this.options.refuseCheckpoint?.(body)) return send(response, 503, { error: "refused" });
      const parsed = asyncCheckpointSchema.safeParse(JSON.parse(body));
      if (!parsed.success) return send(response, 400, { error: parsed.error.message });
      const result = await checkpointSteps(
        this.db,
        decodeURIComponent(checkpointPath[1]!),
        parsed.data,
      );
      if (result.kind === "stale") return send(response, 409, { error: "stale_dispatch" });
      if (result.kind === "refused") return send(response, 400, { error: result.message });
      this.checkpointedByJob.set(
        result.jobId,
        (this.checkpointedByJob.get(result.jobId) ?? 0) + result.count,
      );
      return send(response, 200, { ok: true });
    }
    if (request.method === "POST" && url.pathname === "/sync") {
      const result = await this.sync();
      return send(response, result.ok ? 200 : 502, result);
    }
    return send(response, 404, { error: "not_found" });
  }

  private log(message: string): void {
    (this.options.log ?? ((line: string) => console.log(`[executor] ${line}`)))(message);
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return;
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}
