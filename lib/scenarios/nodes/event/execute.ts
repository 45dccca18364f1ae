import "server-only";
import { triggerExecutor } from "../trigger-executor";

export const eventExecutor = triggerExecutor<"event">();
