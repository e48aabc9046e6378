/** Signing in and who is asking: the server calls `authenticate` for every request, `login` for `auth.login`. */
export * from "./authenticate.js";
export * from "./errors.js";
export * from "./login.js";
