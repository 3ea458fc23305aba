// @scangate/checkout — The till engine a POS vendor embeds with one import.
// The public API lands with issue #9; until then the package exports nothing.
export {};
