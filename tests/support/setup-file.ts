import { beforeAll } from "vitest";
import { resetClock } from "@/lib/clock";

// Each file starts on the real clock; within a file the virtual clock carries from test to test (the executor's
// state — cron ticks, sleeps — lives on it).
beforeAll(() => {
  resetClock();
});
