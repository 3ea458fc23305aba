// @scangate/payments — A payment bridge that never charges twice and never loses a payment.
// The public API lands with issue #8; until then the package exports nothing.
export {};
