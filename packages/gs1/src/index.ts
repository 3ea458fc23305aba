// @scangate/gs1 — Parse, validate and format GS1 element strings, bracketed HRI, plain EAN/UPC and GS1 Digital Link URIs.
// The public API lands with issue #3; until then the package exports nothing.
export {};
