/** Next calls this once when the server starts: the local executor runs inside it in development. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { localExecutorEnabled } = await import("./inngest/local/mode");
  if (!localExecutorEnabled()) return;
  const { startInProcessExecutor } = await import("./inngest/local/start-in-process");
  await startInProcessExecutor();
}
