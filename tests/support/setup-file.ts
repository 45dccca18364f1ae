import { afterEach } from "vitest";
import { resetClock } from "@/lib/clock";

afterEach(() => {
  resetClock();
});
