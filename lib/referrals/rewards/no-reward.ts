import { z } from "zod";
import { defineEntry } from "../registry";

export default defineEntry({
  type: "no_reward",
  label: "No reward",
  description: "The referral completes (and scenarios can react to it) but nothing is granted.",
  optionsSchema: z.object({}),
  describe: () => "no reward",
});
