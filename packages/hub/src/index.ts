// @scangate/hub — the reference server: publishes signed rule feeds, receives sales over the EPCIS 2.0 capture
// interface, and shows each producer the sales of its own GTINs. Node only.
export type { Clock } from "./clock.js";
export type { HubError, HubErrorCode, Result } from "./errors.js";
export { type HubConfig, parseHubOptions, type StartHubOptions, type StorageOption } from "./hub-options.js";
export { type Hub, startHub } from "./start-hub.js";
