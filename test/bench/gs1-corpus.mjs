// Valid GS1 scans for the @scangate/gs1 benchmarks and fuzz run, in every shape a till's scanner sends:
// GS1 DataMatrix / GS1-128 / GS1 QR scan data, keyboard-wedge element strings, bracketed HRI, GS1 Digital Link
// URIs, EAN/UPC/ITF-14 and weighed items. Check digits are computed here, so a seed never fails by a typo.

/** ASCII 29, what a scanner sends for FNC1 between fields. */
export const GS = "\u001d";

/** The date the benchmarks pass as `today`, so two-digit years are read the same on every machine. */
export const TODAY = "2026-11-29";

/**
 * GS1 mod-10 check digit of a payload (GenSpecs §7.9.1), written out here so that the corpus does not trust the
 * package under test.
 * @param {string} payload digits before the check digit
 * @returns {string} the payload followed by its check digit
 */
export function withCheckDigit(payload) {
  let sum = 0;
  let weight = 3;
  for (let i = payload.length - 1; i >= 0; i--) {
    sum += (payload.charCodeAt(i) - 48) * weight;
    weight = 4 - weight;
  }
  return payload + String((10 - (sum % 10)) % 10);
}

const GTIN = withCheckDigit("0950600013435"); // 09506000134352
const GTIN_2 = withCheckDigit("0952123454321"); // 09521234543213
const GTIN_VARIABLE = withCheckDigit("9952123454321"); // indicator 9: a variable-measure trade item
const SSCC = withCheckDigit("10614141123456789");
const GLN = withCheckDigit("950600013430");
const GLN_2 = withCheckDigit("952123400001");

/**
 * Element lists (AI, value) with valid data, covering the AI families a till and a warehouse meet. Rendered
 * below into every input shape.
 * @type {Array<Array<[string, string]>>}
 */
export const ELEMENT_LISTS = [
  [["01", GTIN]],
  [
    ["01", GTIN_2],
    ["17", "251231"],
    ["10", "ABC123"],
    ["21", "SER42"],
  ],
  [
    ["01", GTIN],
    ["10", "ABC"],
    ["17", "261231"],
  ],
  [
    ["01", GTIN_VARIABLE],
    ["3103", "001250"],
    ["3922", "1599"],
  ],
  [
    ["01", GTIN_VARIABLE],
    ["3102", "000500"],
    ["3932", "9781234"],
  ],
  [
    ["01", GTIN_VARIABLE],
    ["3201", "000123"],
    ["3902", "15000"],
  ],
  [
    ["01", GTIN],
    ["15", "270200"],
    ["11", "260101"],
    ["13", "260102"],
    ["16", "270101"],
  ],
  [
    ["01", GTIN],
    ["7003", "2612311530"],
    ["10", "LOT-7/A"],
  ],
  [
    ["01", GTIN],
    ["22", "CPV-1"],
    ["10", "B2"],
    ["21", "S/N'1"],
  ],
  [
    ["01", GTIN],
    ["21", "12345"],
    ["250", "SUB1"],
    ["251", "REF9"],
  ],
  [
    ["01", GTIN],
    ["240", "ADD-ID"],
    ["241", "CUST-7"],
    ["30", "12"],
  ],
  [
    ["02", GTIN],
    ["37", "24"],
    ["10", "PALLETLOT"],
  ],
  [
    ["00", SSCC],
    ["02", GTIN_2],
    ["37", "100"],
    ["400", "PO-1234"],
  ],
  [
    ["00", SSCC],
    ["410", GLN],
    ["420", "10115"],
  ],
  [
    ["00", SSCC],
    ["421", "27610115"],
    ["422", "276"],
  ],
  [
    ["414", GLN],
    ["254", "DOCK-3"],
  ],
  [
    ["415", GLN_2],
    ["8020", "INV12345"],
    ["3902", "12345"],
  ],
  [["8003", `0${withCheckDigit("950600013435")}SN1`]],
  [["8004", "9506000134ASSET1"]],
  [["8018", withCheckDigit("95060001343000000")]],
  [["253", `${withCheckDigit("950600013435")}DOC7`]],
  [["402", withCheckDigit("9506000134300000")]],
  [
    ["01", GTIN],
    ["8008", "26123115"],
    ["7007", "260101260131"],
  ],
  [
    ["01", GTIN],
    ["10", "L1"],
    ["91", "INTERNAL-91"],
    ["99", "X(Y)Z"],
  ],
  [
    ["01", GTIN],
    ["3103", "000750"],
    ["3922", "499"],
    ["17", "261130"],
  ],
  [
    ["01", GTIN],
    ["8200", "https://example.com/p"],
  ],
];

/** Elements → GS1 element string: a GS after every field whose AI is not predefined-length, except the last. */
function elementString(elements) {
  return elements
    .map(([ai, value], index) => {
      const last = index === elements.length - 1;
      return ai + value + (last || hasPredefinedLength(ai) ? "" : GS);
    })
    .join("");
}

// GenSpecs figure 7.8.4-2: the AI prefixes whose data has a predefined length (no FNC1 after them).
const PREDEFINED_PREFIXES = new Set("00 01 02 03 04 11 12 13 14 15 16 17 18 19 20 31 32 33 34 35 36 41".split(" "));
function hasPredefinedLength(ai) {
  return PREDEFINED_PREFIXES.has(ai.slice(0, 2));
}

/** Elements → bracketed HRI, escaping "(" in data the way ScanGate reads it. */
function bracketed(elements) {
  return elements.map(([ai, value]) => `(${ai})${value.replaceAll("(", "\\(")}`).join("");
}

/** GS1 Digital Link URIs written by hand (not by the writer under test). */
const DIGITAL_LINKS = [
  `https://id.gs1.org/01/${GTIN}`,
  `https://id.gs1.org/01/${GTIN_2}/10/ABC123/21/SER42?17=251231`,
  `https://example.com/products/01/${GTIN}/22/CPV/10/LOT/21/SER?3103=001250&linkType=gs1:pip`,
  `https://id.gs1.org/01/${GTIN.slice(1)}`,
  `https://id.gs1.org/00/${SSCC}`,
  `https://id.gs1.org/414/${GLN}/254/DOCK%2F3`,
  `https://id.gs1.org/8004/9506000134ASSET1`,
  `https://id.gs1.org/01/${GTIN}/10/A%25B?15=270200&3922=1599`,
  `HTTPS://ID.GS1.ORG/01/${GTIN}?17=261231`,
];

/** EAN/UPC/ITF-14 as scanners send them, with and without AIM ids, including a scale label and a composite. */
const PLAIN_GTINS = [
  `]E0${GTIN.slice(1)}`,
  GTIN.slice(1),
  `]E00${withCheckDigit("03600029145")}`,
  withCheckDigit("03600029145"),
  `]E4${withCheckDigit("9501234")}`,
  withCheckDigit("9501234"),
  `]I1${GTIN}`,
  GTIN,
  withCheckDigit("201234501250"),
  `]E0${GTIN.slice(1)}|]e01726123110LOT9`,
];

/**
 * Every seed scan, each in its input shape.
 * @returns {Array<{ shape: string, input: string }>}
 */
export function validScans() {
  /** @type {Array<{ shape: string, input: string }>} */
  const scans = [];
  for (const elements of ELEMENT_LISTS) {
    const body = elementString(elements);
    scans.push({ shape: "datamatrix", input: `]d2${body}` });
    scans.push({ shape: "gs1-128", input: `]C1${body}` });
    scans.push({ shape: "gs1-qr", input: `]Q3${body}` });
    scans.push({ shape: "wedge", input: body });
    scans.push({ shape: "wedge-leading-gs", input: GS + body });
    scans.push({ shape: "wedge-suffix", input: `${body}\r\n` });
    scans.push({ shape: "hri", input: bracketed(elements) });
  }
  for (const uri of DIGITAL_LINKS) {
    scans.push({ shape: "digital-link", input: uri });
    scans.push({ shape: "digital-link-qr", input: `]Q1${uri}` });
  }
  for (const input of PLAIN_GTINS) scans.push({ shape: "gtin", input });
  return scans;
}
