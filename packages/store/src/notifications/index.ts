/**
 * In-app notifications: issued and read as events in the agency's log (notification-events.ts) with the
 * `notifications` projection (notification-projection.ts), issued and read through `Notifications`
 * (notifications.ts). Table: migration `0005_notifications`. Register `notificationsProjection` with the
 * other projections (`withAccounts` does).
 */
export * from "./errors.js";
export * from "./notification-events.js";
export * from "./notification-projection.js";
export * from "./notifications.js";
