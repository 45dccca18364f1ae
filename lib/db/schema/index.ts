export * from "./users";
export * from "./subscriptions";
export * from "./payments";
export * from "./events";
export * from "./email";
export * from "./local-executor";
export * from "./audiences";
export * from "./scenarios";
