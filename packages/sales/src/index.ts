// @scangate/sales — A durable sales stream from every till back to the producers, as EPCIS 2.0 events.
// The public API lands with issue #7; until then the package exports nothing.
export {};
