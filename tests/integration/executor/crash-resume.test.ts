import { spawn, type ChildProcess } from "node:child_process";
import { Inngest } from "inngest";
import { serve } from "inngest/next";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localRuns } from "@/inngest/local/schema";
import { serveRouteHandlers } from "../../support/http-adapter";
import { openTestDatabase } from "../../support/test-database";

/*
 * The executor as a separate process, SIGKILLed mid-call. Needs a real Postgres (DATABASE_URL): an embedded PGlite
 * belongs to one process. CI runs the suite on Postgres.
 */
const postgres = Boolean(process.env.DATABASE_URL);

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let app: Awaited<ReturnType<typeof serveRouteHandlers>>;
const calls: string[] = [];
const children: ChildProcess[] = [];
let slowStarted: () => void = () => undefined;

function startExecutor(
  port: number,
  checkpointing: boolean,
): Promise<{ child: ChildProcess; url: string }> {
  // node itself (not npx/tsx wrappers), so SIGKILL hits the executor and not a parent that leaves it running.
  const child = spawn(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      "inngest/local/main.ts",
      "--app",
      app.url,
      "--port",
      String(port),
      "--lease",
      "2000",
      "--no-sync",
      ...(checkpointing ? [] : ["--no-checkpointing"]),
    ],
    {
      env: { ...process.env, DATABASE_URL: database.url! },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      const match = /executor listening on (\S+)/.exec(chunk.toString());
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.on("exit", (code) => reject(new Error(`executor exited with ${code}`)));
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("timed out");
}

beforeAll(async () => {
  if (!postgres) return;
  database = await openTestDatabase();
});

afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await app?.close();
  await database?.close();
});

describe.skipIf(!postgres).each([{ checkpointing: true }, { checkpointing: false }])(
  "executor processes (checkpointing: $checkpointing)",
  ({ checkpointing }) => {
    it("resume after kill -9 without re-running a memoized step, and two processes never run one call twice", async () => {
      calls.length = 0;
      const runsBefore = (await database.db.select().from(localRuns)).length;
      const port = 20_000 + Math.floor(Math.random() * 20_000);
      const client = new Inngest({
        id: "crash-test",
        isDev: true,
        baseUrl: `http://127.0.0.1:${port}`,
      });
      const functions = [
        client.createFunction(
          { id: "three-steps", triggers: [{ event: "test/crash" }] },
          async ({ event, step }) => {
            const id = (event.data as { id: number }).id;
            await step.run("a", () => calls.push(`a${id}`));
            await step.run("slow", async () => {
              calls.push(`slow${id}`);
              // Only the first call of run 0 is slow (it is killed in flight); a retried call is quick, so its lease
              // cannot run out under a loaded machine and hand the job to the other executor as well.
              if (id === 0 && calls.filter((call) => call === "slow0").length === 1) {
                slowStarted();
                await new Promise((resolve) => setTimeout(resolve, 1500));
              }
            });
            await step.run("c", () => calls.push(`c${id}`));
            return id;
          },
        ),
      ];
      app = await serveRouteHandlers(serve({ client, functions }) as never);
      const first = await startExecutor(port, checkpointing);
      expect((await fetch(`${first.url}/sync`, { method: "POST" })).status).toBe(200);

      const started = new Promise<void>((resolve) => (slowStarted = resolve));
      await client.send({ name: "test/crash", data: { id: 0 } });
      await started;
      first.child.kill("SIGKILL");
      await new Promise((resolve) => first.child.once("exit", resolve));

      // Two executors on the same port range: one takes the intake port, the other only works the queue.
      await startExecutor(port, checkpointing);
      await startExecutor(port + 1, checkpointing);
      await client.send(
        Array.from({ length: 20 }, (_, i) => ({ name: "test/crash", data: { id: i + 1 } })),
      );
      await waitFor(async () => {
        const runs = await database.db.select().from(localRuns);
        return runs.length === runsBefore + 21 && runs.every((run) => run.status === "completed");
      });

      const count = (name: string) => calls.filter((call) => call === name).length;
      expect(count("a0")).toBe(1);
      if (checkpointing) {
        // The app went on with the killed call: it finished "slow" and ran "c", checkpointing each to whichever
        // executor listened then. A checkpoint the restarted executor took is memoized; one it refused as stale runs
        // again on the retried call. Either way, once or twice, never more.
        expect([1, 2]).toContain(count("slow0"));
        expect([1, 2]).toContain(count("c0"));
      } else {
        expect(count("c0")).toBe(1);
        expect(count("slow0")).toBe(2); // in flight when killed: not memoized, so it ran again (at least once)
      }
      for (let id = 1; id <= 20; id++) {
        expect([count(`a${id}`), count(`slow${id}`), count(`c${id}`)]).toEqual([1, 1, 1]);
      }
      for (const child of children.splice(0)) child.kill("SIGKILL");
      await app.close();
    }, 90_000);
  },
);
