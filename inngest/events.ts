/** Internal Inngest events (not domain events: they never pass through the outbox). */
export const CHARGE_DUE_EVENT = "subflow/recurrent_payment.charge_due";

/** Ask for a template email: { user_id, template_code, idempotency_key, extra? }. */
export const EMAIL_REQUESTED_EVENT = "subflow/email.requested";

/**
 * A custom event (POST /api/v1/events) that sends a template to its user: { template_code }. It lets an admin or a
 * script try a template end to end through the events API, Inngest and the email pipeline.
 */
export const TEST_EMAIL_CUSTOM_EVENT = "custom.test_email";

/** Walk one scenario run: { run_id }. Sent by the dispatcher and the before-events cron with id `scenario-run:<id>`. */
export const SCENARIO_RUN_EVENT = "subflow/scenario.run_requested";

/**
 * Go on walking a scenario run that paused near Inngest's step limit: { run_id, from_executor_run_id, resume }. Sent by
 * the run function (scenario-run.ts) with id `scenario-run:<id>:from:<executor run>`; `resume` is the walker's
 * WalkResume.
 */
export const SCENARIO_RUN_CONTINUE_EVENT = "subflow/scenario.run_continue_requested";

/**
 * A scenario run ended by an exit event: { run_id }. Sent by the dispatcher with id `scenario-run-exit:<id>`; it
 * cancels the run's executor runs (the run functions' `cancelOn`), so a waiting run does not sleep on.
 */
export const SCENARIO_RUN_EXITED_EVENT = "subflow/scenario.run_exited";
