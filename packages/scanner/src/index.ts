// @scangate/scanner — Every barcode scanner a till has (keyboard wedge, WebHID, Web Serial, camera) as one stream of scans.
// The public API lands with issue #4; until then the package exports nothing.
export {};
