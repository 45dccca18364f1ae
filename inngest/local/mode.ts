/**
 * Is the local executor in use? In development (unless Inngest keys are set), or when SUBFLOW_LOCAL_EXECUTOR=1
 * (the browser tests run a production build against it). Never when INNGEST_SIGNING_KEY is set: that is production
 * on Inngest. The dev clock and the runs page exist only while this is true.
 */
export function localExecutorEnabled(): boolean {
  if (process.env.INNGEST_SIGNING_KEY) return false;
  if (process.env.SUBFLOW_LOCAL_EXECUTOR === "0") return false;
  return process.env.SUBFLOW_LOCAL_EXECUTOR === "1" || process.env.NODE_ENV === "development";
}

export const DEFAULT_LOCAL_EXECUTOR_PORT = 8288;
