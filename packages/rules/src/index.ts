// @scangate/rules — The offline recall / inspection / expiry rule engine, its signed feed and its cache.
// The public API lands with issue #5; until then the package exports nothing.
export {};
