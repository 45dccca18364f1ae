import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { connect, driverFor, type Connection } from "@/lib/db/connect";
import { migrateDatabase } from "@/lib/db/migrate";
import { events, users } from "@/lib/db/schema";
import { createUser } from "@/lib/users/create-user";
import { dropDatabase, withDatabase } from "../../support/databases";
import { startWsTcpProxy } from "./ws-tcp-proxy";

const serverUrl = process.env.DATABASE_URL;

afterEach(() => {
  vi.unstubAllEnvs();
});

/** Migrate a fresh database, then prove a service's transaction commits (and a failed one leaves nothing). */
async function exerciseFreshDatabase(connection: Connection) {
  await migrateDatabase(connection);
  await migrateDatabase(connection); // a second run finds nothing to apply

  const user = await createUser(connection.db, {
    email: `Driver-${connection.driver}@Example.com`,
    password: "secret-pass",
  });
  const [stored] = await connection.db.select().from(users).where(eq(users.id, user.id));
  expect(stored?.email).toBe(`driver-${connection.driver}@example.com`);
  const recorded = await connection.db
    .select({ name: events.name })
    .from(events)
    .where(eq(events.userId, user.id));
  expect(recorded.map((event) => event.name)).toEqual(["user.created"]);

  await expect(
    connection.db.transaction(async (tx) => {
      await createUser(tx, { email: "rolled-back@example.com" });
      throw new Error("abort");
    }),
  ).rejects.toThrow("abort");
  const [{ total } = { total: -1 }] = await connection.db
    .select({ total: sql<number>`count(*)::int` })
    .from(users)
    .where(eq(users.email, "rolled-back@example.com"));
  expect(total).toBe(0);
}

describe("driverFor", () => {
  it("chooses PGlite without a URL, Neon for Neon hosts, node-postgres otherwise", () => {
    vi.stubEnv("DATABASE_DRIVER", "");
    expect(driverFor(undefined)).toBe("pglite");
    expect(driverFor("")).toBe("pglite");
    expect(driverFor("postgres://app:secret@db.internal:5432/subflow")).toBe("pg");
    expect(driverFor("postgresql://postgres@127.0.0.1/subflow")).toBe("pg");
    expect(
      driverFor(
        "postgres://app:secret@ep-cool-darkness-123456.eu-central-1.aws.neon.tech/neondb?sslmode=require",
      ),
    ).toBe("neon");
    expect(driverFor("postgres://app:secret@ep-x.us-east-2.aws.neon.build/neondb")).toBe("neon");
  });

  it("takes DATABASE_DRIVER=neon to reach a Postgres behind a local WebSocket proxy", () => {
    vi.stubEnv("DATABASE_DRIVER", "neon");
    expect(driverFor("postgres://postgres@127.0.0.1:5432/subflow")).toBe("neon");
    expect(driverFor(undefined)).toBe("pglite");
  });
});

describe("the committed migrations", () => {
  it("run on embedded PGlite", async () => {
    vi.stubEnv("DATABASE_URL", "");
    const dir = mkdtempSync(path.join(os.tmpdir(), "subflow-driver-"));
    const connection = await connect(undefined, { pgliteDir: dir });
    try {
      expect(connection.driver).toBe("pglite");
      await exerciseFreshDatabase(connection);
    } finally {
      await connection.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe.runIf(serverUrl)("on the Postgres server of DATABASE_URL", () => {
    async function withFreshDatabase(work: (url: string) => Promise<void>) {
      const name = `subflow_drv_${randomBytes(4).toString("hex")}`;
      const admin = new pg.Client({ connectionString: withDatabase(serverUrl!, "postgres") });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      try {
        await work(withDatabase(serverUrl!, name));
      } finally {
        await dropDatabase(serverUrl!, name);
      }
    }

    it("run through node-postgres", async () => {
      vi.stubEnv("DATABASE_DRIVER", "");
      await withFreshDatabase(async (url) => {
        const connection = await connect(url);
        try {
          expect(connection.driver).toBe("pg");
          await exerciseFreshDatabase(connection);
        } finally {
          await connection.close();
        }
      });
    });

    it("run through the Neon serverless driver over a WebSocket proxy", async () => {
      const proxy = await startWsTcpProxy();
      // The Neon client puts "ws://" in front of what wsProxy returns, so the proxy is given without a protocol.
      vi.stubEnv("NEON_WS_PROXY", `127.0.0.1:${proxy.port}`);
      vi.stubEnv("DATABASE_DRIVER", "neon");
      try {
        await withFreshDatabase(async (url) => {
          const connection = await connect(url);
          try {
            expect(connection.driver).toBe("neon");
            await exerciseFreshDatabase(connection);
          } finally {
            await connection.close();
          }
        });
        expect(proxy.connections()).toBeGreaterThan(0);
      } finally {
        await proxy.close();
      }
    });
  });
});
