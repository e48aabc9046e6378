export * from "./config.js";
export * from "./http-server.js";
