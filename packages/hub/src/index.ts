// @scangate/hub — The reference server: publishes rule feeds, receives sales, shows each producer its own sales.
// The public API lands with issue #6; until then the package exports nothing.
export {};
