import "server-only";
import { triggerExecutor } from "../trigger-executor";

export const beforeEventExecutor = triggerExecutor<"before_event">();
