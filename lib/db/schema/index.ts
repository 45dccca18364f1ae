export * from "./users";
export * from "./subscriptions";
export * from "./payments";
export * from "./events";
