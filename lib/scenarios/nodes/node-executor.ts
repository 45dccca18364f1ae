import "server-only";
import type { Db } from "@/lib/db";
import type { VisitIdentity } from "@/lib/scenarios/engine/run-visits";
import type { NodeOf } from "@/lib/scenarios/graph";
import type { RunContext } from "@/lib/scenarios/run-context";
import type { NodeType } from "./definitions";

/** One node visit, as an instant executor sees it. */
export interface NodeVisit extends RunContext {
  runId: number;
  scenarioId: number;
  nodeId: string;
  stepKey: string;
  /** `scenario-run:<run>:<step key>`: side effects keyed by it happen once however often the step is retried. */
  idempotencyKey: string;
}

export interface NodeResult {
  /** The port to continue on (`out`, `yes`, `no`, `variant:<code>`), or `failed` to end this branch. */
  outcome: string;
  facts: Record<string, unknown>;
  /**
   * The port to continue on when it is not the recorded outcome: an email the delivery policy kept from the user is
   * recorded as `skipped` (the inspector and stats count it so) and the journey goes on along `out`.
   */
  port?: string;
}

/**
 * What an instant executor returns when its work may only be done later (an email held by the frequency cap or quiet
 * hours): the visit stays open, the run sleeps until `until`, and the walker calls `execute` again with the same
 * visit (the same idempotency key) in a step of its own, as often as it is held again.
 */
export interface HeldResult {
  held: { until: Date; facts: Record<string, unknown> };
}

/** What a node would do now, without doing it; outcome null where a simulated path stops (a goal not reached yet). */
export interface SimulatedResult {
  outcome: string | null;
  facts: Record<string, unknown>;
  note: string;
}

/** A visit of a node that spans time, entered by the walker's visit step; its executor finishes it. */
export interface TimedVisit {
  db: Db;
  userId: number;
  /** The visit's row, where its outcome and facts are recorded. */
  identity: VisitIdentity;
  /** When the run entered the node: waits and deadlines count from it. */
  enteredAt: Date;
}

/**
 * Inngest's step tools for one visit, as workflow-kit hands an action `step`: each id is a name within the visit
 * (`done`, `sleep 1`, `check 2`) that the walker prefixes with the visit's step key. A step's result is remembered:
 * a replay returns it without running it again, so the names must come out the same on every replay.
 */
export interface VisitSteps {
  run<T>(name: string, fn: () => Promise<T>): Promise<T>;
  sleepUntil(name: string, until: Date): Promise<unknown>;
  waitForEvent(
    name: string,
    options: { event: string; timeout: number; if: string },
  ): Promise<unknown>;
  /**
   * A point where the visit may go on in the scenario run's next executor run (an Inngest run takes at most 1,000
   * steps): true when this executor run's step budget is spent. The walker then keeps `progress` (small JSON, carried
   * in the continuation event), the executor returns CONTINUES_IN_NEXT_RUN, and the next executor run calls `execute`
   * again with `resume: progress`. Not a step: it changes no step id.
   */
  pauseIfOutOfSteps(progress: Record<string, unknown>): boolean;
}

/** What a timed executor returns when it paused (`step.pauseIfOutOfSteps`) to go on in the next executor run. */
export const CONTINUES_IN_NEXT_RUN = Symbol("continues in the next executor run");

/**
 * The server side of a node type that does its work at once. The walker runs `execute` inside the visit's one step
 * (with entering the node and recording the outcome), so it must not use step tools: a retried step runs it again,
 * and side effects keyed by `visit.idempotencyKey` happen once.
 */
export interface InstantNodeExecutor<
  T extends NodeType,
  Result extends NodeResult | HeldResult = NodeResult,
> {
  spansTime: false;
  /**
   * Changes nothing (no email, grant, webhook, write): the walker may run it before recording the visit and record
   * entry and outcome in one statement.
   */
  readsOnly?: true;
  /** `Result` includes `HeldResult` for an executor whose work may be held (email); a node that only reads never is. */
  execute(args: { node: NodeOf<T>; visit: NodeVisit }): Promise<Result>;
  /** No side effects: reads what it needs and says what `execute` would do. */
  simulate(args: {
    node: NodeOf<T>;
    context: RunContext & { scenarioId: number };
  }): Promise<SimulatedResult>;
}

/**
 * The server side of a node type that spans time (its definition's `spansTime`). The walker's visit step enters the
 * node; `execute` then sleeps or waits with the step tools, records the outcome in a step of its own, and returns the
 * port to continue on. Between steps it offers the walker points to pause at (`step.pauseIfOutOfSteps`), so a visit
 * longer than one executor run's step budget goes on in the next.
 */
export interface TimedNodeExecutor<T extends NodeType> {
  spansTime: true;
  /** `resume` is the progress the visit paused at in the previous executor run, or null on entry. */
  execute(args: {
    node: NodeOf<T>;
    visit: TimedVisit;
    step: VisitSteps;
    resume: Record<string, unknown> | null;
  }): Promise<string | typeof CONTINUES_IN_NEXT_RUN>;
  simulate(args: {
    node: NodeOf<T>;
    context: RunContext & { scenarioId: number };
  }): Promise<SimulatedResult>;
}
