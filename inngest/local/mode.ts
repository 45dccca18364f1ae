/**
 * Is the local executor in use? Yes in development, unless Inngest is configured: keys set (Inngest Cloud or a
 * self-hosted `inngest start`), INNGEST_DEV set by you (`npx inngest-cli dev`), or SUBFLOW_LOCAL_EXECUTOR=0.
 * SUBFLOW_LOCAL_EXECUTOR=1 forces it on, keys or not (the browser tests run a production build against it, with keys:
 * the app in production mode and the executor signing its calls). The dev clock and the runs page exist only while
 * this is true.
 */
export function localExecutorEnabled(): boolean {
  if (process.env.SUBFLOW_LOCAL_EXECUTOR === "0") return false;
  if (process.env.SUBFLOW_LOCAL_EXECUTOR === "1") return true;
  if (process.env.INNGEST_SIGNING_KEY || process.env.INNGEST_EVENT_KEY) return false;
  if (process.env.INNGEST_DEV) return false;
  return process.env.NODE_ENV === "development";
}

export const DEFAULT_LOCAL_EXECUTOR_PORT = 8288;
