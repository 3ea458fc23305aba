import { describe, expect, it } from "vitest";
import { expandUpcE, hriToElementString } from "../src/camera/aim-rules.js";
import { normalizeDetectedBarcode, refinedSymbol } from "../src/camera/normalize-barcode-detector.js";
import { normalizeZxingJs } from "../src/camera/normalize-zxing-js.js";
import { normalizeZxingWasm, zxingWasmFormats } from "../src/camera/normalize-zxing-wasm.js";

const GS = "\u001d";
const GS1_TEXT = `01095212345432131725123110ABC123${GS}21SER42`;
const LINK = "https://id.gs1.org/01/09521234543213/10/ABC123?17=251231";

function wasmResult(overrides: Partial<Parameters<typeof normalizeZxingWasm>[0]>) {
  return {
    format: "DataMatrix",
    text: GS1_TEXT,
    bytes: new Uint8Array([48, 49]),
    symbologyIdentifier: "]d2",
    isValid: true,
    ...overrides,
  };
}

function detected(format: string, rawValue: string) {
  return { format, rawValue, boundingBox: { x: 10, y: 20, width: 30, height: 30 }, cornerPoints: [] };
}

describe("zxing-wasm results", () => {
  it("keeps the AIM id the decoder read, the text with its GS and the decoded bytes", () => {
    expect(normalizeZxingWasm(wasmResult({}))).toEqual({
      format: "data_matrix",
      text: GS1_TEXT,
      raw: new Uint8Array([48, 49]),
      symbology: "]d2",
      symbologySource: "decoder",
    });
  });

  it("reads every till format's zxing-cpp name, QR variants included", () => {
    expect(normalizeZxingWasm(wasmResult({ format: "EAN13", symbologyIdentifier: "]E0" }))?.format).toBe("ean_13");
    expect(normalizeZxingWasm(wasmResult({ format: "DataBarExpStk", symbologyIdentifier: "]e0" }))?.format).toBe(
      "databar_expanded",
    );
    expect(normalizeZxingWasm(wasmResult({ format: "QRCodeModel2", symbologyIdentifier: "]Q3" }))?.format).toBe(
      "qr_code",
    );
  });

  it("drops invalid results and formats a till does not read", () => {
    expect(normalizeZxingWasm(wasmResult({ isValid: false }))).toBeUndefined();
    expect(normalizeZxingWasm(wasmResult({ format: "Aztec" }))).toBeUndefined();
  });

  it("leaves the symbology out when zxing-cpp reports none", () => {
    expect(normalizeZxingWasm(wasmResult({ symbologyIdentifier: "" }))).not.toHaveProperty("symbology");
  });

  it("copies the corners clockwise from top-left", () => {
    const position = {
      topLeft: { x: 1, y: 2 },
      topRight: { x: 3, y: 2 },
      bottomRight: { x: 3, y: 4 },
      bottomLeft: { x: 1, y: 4 },
    };
    expect(normalizeZxingWasm(wasmResult({ position }))?.corners).toEqual([
      { x: 1, y: 2 },
      { x: 3, y: 2 },
      { x: 3, y: 4 },
      { x: 1, y: 4 },
    ]);
  });

  it("asks zxing-wasm for every stacked and unstacked DataBar variant", () => {
    expect(zxingWasmFormats(["databar", "databar_expanded"])).toEqual([
      "DataBarOmni",
      "DataBarStk",
      "DataBarStkOmni",
      "DataBarExp",
      "DataBarExpStk",
    ]);
  });
});

describe("@zxing/library results", () => {
  it("turns a GS1 DataMatrix's leading GS into ]d2", () => {
    expect(normalizeZxingJs({ format: "DATA_MATRIX", text: GS + GS1_TEXT })).toEqual({
      format: "data_matrix",
      text: GS1_TEXT,
      symbology: "]d2",
      symbologySource: "decoder",
      normalizations: ["aim:leading-gs"],
    });
    expect(normalizeZxingJs({ format: "DATA_MATRIX", text: "plain text" })?.symbology).toBe("]d1");
  });

  it("reads ]Q3 or ]Q1 from the QR mode indicator in the codewords", () => {
    const gs1 = normalizeZxingJs({ format: "QR_CODE", text: GS1_TEXT, rawBytes: new Uint8Array([0x51, 0x06]) });
    expect(gs1).toMatchObject({ symbology: "]Q3", symbologySource: "decoder" });
    const link = normalizeZxingJs({ format: "QR_CODE", text: LINK, rawBytes: new Uint8Array([0x41, 0x66]) });
    expect(link).toMatchObject({ symbology: "]Q1", symbologySource: "decoder" });
  });

  it("infers the QR symbology from the content when an ECI header hides the mode", () => {
    const eci = new Uint8Array([0x71, 0x1a]);
    expect(normalizeZxingJs({ format: "QR_CODE", text: GS1_TEXT, rawBytes: eci })).toMatchObject({
      symbology: "]Q3",
      symbologySource: "inferred",
    });
    expect(normalizeZxingJs({ format: "QR_CODE", text: LINK, rawBytes: eci })).toMatchObject({
      symbology: "]Q1",
      symbologySource: "inferred",
    });
  });

  it("moves ASSUME_GS1's ]C1 text prefix into the symbology, and calls plain Code 128 ]C0", () => {
    expect(normalizeZxingJs({ format: "CODE_128", text: `]C1010952123454321310AB12${GS}21S1` })).toEqual({
      format: "code_128",
      text: `010952123454321310AB12${GS}21S1`,
      symbology: "]C1",
      symbologySource: "decoder",
      normalizations: ["aim:in-text"],
    });
    expect(normalizeZxingJs({ format: "CODE_128", text: "HELLO123" })?.symbology).toBe("]C0");
  });

  it("turns DataBar Expanded HRI back into the element string, GS only after variable-length fields", () => {
    const symbol = normalizeZxingJs({ format: "RSS_EXPANDED", text: "(01)09521234543213(10)ABC123(17)251231" });
    expect(symbol).toEqual({
      format: "databar_expanded",
      text: `0109521234543213${"10ABC123"}${GS}17251231`,
      symbology: "]e0",
      symbologySource: "decoder",
      normalizations: ["hri:element-string"],
    });
  });

  it("adds AI (01) to a DataBar Omnidirectional GTIN", () => {
    expect(normalizeZxingJs({ format: "RSS_14", text: "09521234543213" })).toMatchObject({
      text: "0109521234543213",
      symbology: "]e0",
      normalizations: ["databar:ai-01"],
    });
  });

  it("sends UPC-A and UPC-E as 13 digits under ]E0, EAN-8 under ]E4", () => {
    expect(normalizeZxingJs({ format: "UPC_A", text: "012345678905" })).toMatchObject({
      text: "0012345678905",
      symbology: "]E0",
      normalizations: ["upc-a:13-digits"],
    });
    expect(normalizeZxingJs({ format: "UPC_E", text: "01234565" })).toMatchObject({
      text: "0012345000065",
      symbology: "]E0",
      normalizations: ["upc-e:expanded"],
    });
    expect(normalizeZxingJs({ format: "EAN_8", text: "95200002" })).toMatchObject({ symbology: "]E4" });
    expect(normalizeZxingJs({ format: "EAN_13", text: "9521234543213" })).toEqual({
      format: "ean_13",
      text: "9521234543213",
      symbology: "]E0",
      symbologySource: "decoder",
    });
  });

  it("ignores formats a till does not read", () => {
    expect(normalizeZxingJs({ format: "AZTEC", text: "x" })).toBeUndefined();
  });
});

describe("BarcodeDetector results", () => {
  it("takes the EAN/UPC AIM id from the format", () => {
    expect(normalizeDetectedBarcode(detected("ean_13", "9521234543213"))).toMatchObject({
      symbology: "]E0",
      symbologySource: "decoder",
    });
    expect(normalizeDetectedBarcode(detected("upc_a", "012345678905"))?.text).toBe("0012345678905");
  });

  it("marks the DataMatrix, QR and Code 128 symbology as inferred from the content", () => {
    expect(normalizeDetectedBarcode(detected("data_matrix", GS1_TEXT))).toMatchObject({
      symbology: "]d2",
      symbologySource: "inferred",
    });
    expect(normalizeDetectedBarcode(detected("qr_code", LINK))).toMatchObject({
      symbology: "]Q1",
      symbologySource: "inferred",
    });
    expect(normalizeDetectedBarcode(detected("code_128", `010952123454321310AB12${GS}21S1`))).toMatchObject({
      symbology: "]C1",
      symbologySource: "inferred",
    });
    expect(normalizeDetectedBarcode(detected("code_128", "HELLO123"))).toMatchObject({ symbology: "]C0" });
  });

  it("reads a leading GS (as some native detectors send) as FNC1 in first position", () => {
    expect(normalizeDetectedBarcode(detected("data_matrix", GS + GS1_TEXT))).toMatchObject({
      text: GS1_TEXT,
      symbology: "]d2",
      symbologySource: "decoder",
      normalizations: ["aim:leading-gs"],
    });
  });

  it("gives every DataBar ]e0, from an element string, HRI or a bare GTIN", () => {
    const elementString = "01095212345432131725123110ABC123";
    expect(normalizeDetectedBarcode(detected("databar_expanded_stacked", elementString))).toMatchObject({
      format: "databar_expanded",
      text: elementString,
      symbology: "]e0",
    });
    expect(normalizeDetectedBarcode(detected("databar", "09521234543213"))?.text).toBe("0109521234543213");
    expect(normalizeDetectedBarcode(detected("databar_expanded", "(01)09521234543213(10)AB"))?.text).toBe(
      "010952123454321310AB",
    );
  });

  it("takes the AIM id a re-decode read for the same data, and keeps the guess otherwise", () => {
    const guessed = normalizeDetectedBarcode(detected("qr_code", "0109521234543213"));
    if (guessed === undefined) throw new Error("not normalised");
    expect(guessed).toMatchObject({ symbology: "]Q3", symbologySource: "inferred" });
    const read = { format: "qr_code", text: "0109521234543213", symbology: "]Q1", symbologySource: "decoder" } as const;
    expect(refinedSymbol(guessed, [read])).toMatchObject({ symbology: "]Q1", symbologySource: "decoder" });
    expect(refinedSymbol(guessed, [{ ...read, text: "other" }])).toBe(guessed);
    expect(refinedSymbol(guessed, [])).toBe(guessed);
  });

  it("copies the corner points", () => {
    const corners = [
      { x: 0, y: 0 },
      { x: 9, y: 0 },
      { x: 9, y: 9 },
      { x: 0, y: 9 },
    ];
    expect(normalizeDetectedBarcode({ ...detected("ean_8", "95200002"), cornerPoints: corners })?.corners).toEqual(
      corners,
    );
  });
});

describe("AIM rules", () => {
  it("expands UPC-E to UPC-A by the rule of its last data digit", () => {
    expect(expandUpcE("01234565")).toBe("012345000065");
    expect(expandUpcE("04252614")).toBe("042100005264");
    expect(expandUpcE("01234133")).toBe("012300000413");
    expect(expandUpcE("01234143")).toBe("012340000013");
    expect(expandUpcE("21234565")).toBeUndefined();
    expect(expandUpcE("0123456")).toBeUndefined();
  });

  it("reads only whole bracketed element strings as HRI", () => {
    expect(hriToElementString("(01)09521234543213")).toBe("0109521234543213");
    expect(hriToElementString("01)09521234543213")).toBeUndefined();
    expect(hriToElementString("plain")).toBeUndefined();
  });
});
