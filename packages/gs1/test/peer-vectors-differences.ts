// Where ScanGate deliberately differs from a peer's test vector, and why. Reasons are shared by the cases they
// explain. Each reason says what ScanGate does and who agrees with it.

const RAW_ELEMENT_STRING =
  "Keyboard wedges drop the AIM id, so ScanGate reads an element string without FNC1 in first (the issue's 'raw element strings'); the engine's data-string API takes it as plain non-GS1 data.";
const ANY_SCHEME_CASE =
  'ScanGate accepts a URI scheme in any case ("HtTp://"), as the issue asks; the engine forbids mixed case, also behind ]Q1, where it then sees plain data.';
const NO_CONVENIENCE_ALPHAS =
  "Convenience alphas (/gtin/, /ser/) are deprecated by GS1 Digital Link; the engine accepts them only behind an internal flag with no public API, ScanGate never does.";
const PADS_SHORT_GTINS =
  "A GTIN-8/12/13 in a Digital Link is zero-padded to 14 digits with warning NON_CANONICAL_GTIN, as the issue asks; the engine needs its permitZeroSuppressedGTINinDLuris option.";
const UNKNOWN_AI_NOT_ATTRIBUTE =
  "An unknown AI is never a Digital Link data attribute in ScanGate (the engine's default validation); this case switches that validation off.";
const GRAI_CHECK_DIGIT =
  "biip does not check the GRAI (8003) check digit, which is wrong here; GS1's engine rejects it too.";
const MONTH_00 =
  'Month 00 is not a date (GS1 linter yymmd0); biip reads 000000 as "no date". GS1\'s engine rejects it too.';
const GTIN_FIRST =
  "A bare number of GTIN length with a valid check digit is a GTIN (AIM id first, then length + check digit, research §3.9); biip was asked to read it as an element string.";
const DOUBLE_GS =
  "Two GS in a row mean a field went missing; ScanGate refuses them like GS1's engine, biip skips them.";
const NO_CHECK_DIGIT_CHECK =
  "The peer reports or ignores a wrong check digit and accepts the data; ScanGate refuses it, as GS1's engine does.";
const SHAPE_DETECTED =
  "biip was told the input's shape; ScanGate detects it, and this is valid GS1 data of another shape.";
const NO_TIME_9999 =
  'biip reads the time 9999 as "no time"; GS1\'s linter hhmi rejects hour 99, and so do the engine and ScanGate.';
const QUERY_IN_DATA_ORDER =
  "biip sorts query attributes; ScanGate keeps the data's order (fixed-length AIs first), as GS1's engine does.";
const NO_BARE_UPC_E =
  "A bare 6-digit UPC-E is not expanded (scanners send UPC-E expanded behind ]E0); as an element string (425)261 fails its ISO 3166 check.";
const NO_BARE_SSCC = "A bare 18-digit SSCC without its AI (00) is not a till's input; as an element string it fails.";
const NO_DL_IN_GS1_QR =
  "A Digital Link URI in a GS1 QR Code (]Q3) is malformed: GS1's engine refuses it and so does ScanGate.";
const RCN_ALWAYS_VERIFIED =
  "biip recorded this scale label with price/weight check-digit verification off; the check digit is wrong, and parse() never sells at a misread price (decodeRcn has the switch).";
const SYMBOLOGY_ONLY =
  "biip's test extracts the symbology identifier alone; ScanGate also reads the data behind it, which is not valid GS1 data. GS1's engine refuses these too.";
const NOT_GS1_CARRIERS = "]e1/]e2 do not carry GS1 element strings in GS1's engine; BarcodeParser strips any ]e id.";
const ESCAPED_BRACKET = 'A "(" in bracketed data must be written "\\(", as in GS1\'s engine; BarcodeParser guesses.';
const NO_HRI_BEHIND_AIM = "Bracketed HRI behind an AIM id is not what scanners send; GS1's engine refuses it too.";
const DAY_00 = "A day of 00 is the month's last day (GS1's reading, biip, BarcodeParser); Bark-JS keeps \"00\".";
const NO_COMPRESSED_DL = "Compressed Digital Link URIs are not supported (neither GS1's engine nor biip decodes them).";
const NO_TRAILING_SLASH =
  'A trailing "/" after the last path element is refused, as GS1\'s engine does; digital-link.js ignores it.';
const ENGINE_ACCEPTS_GIAI =
  "GS1's engine accepts this GIAI (8004); digital-link.js's grammar rejects it. ScanGate follows the engine.";

/** Case id → why ScanGate differs from that peer on purpose. */
export const DELIBERATE_DIFFERENCES: Readonly<Record<string, string>> = {
  "engine-processAIdata-1708": RAW_ELEMENT_STRING,
  "engine-parseDLuri-1344": ANY_SCHEME_CASE,
  "engine-testProcessScanData-874": ANY_SCHEME_CASE,
  "engine-parseDLuri-1437": NO_CONVENIENCE_ALPHAS,
  "engine-parseDLuri-1438": NO_CONVENIENCE_ALPHAS,
  "engine-parseDLuri-1439": NO_CONVENIENCE_ALPHAS,
  "engine-parseDLuri-1454": PADS_SHORT_GTINS,
  "engine-parseDLuri-1464": PADS_SHORT_GTINS,
  "engine-parseDLuri-1474": PADS_SHORT_GTINS,
  "engine-parseDLuri-1489": PADS_SHORT_GTINS,
  "engine-parseDLuri-1499": PADS_SHORT_GTINS,
  "engine-parseDLuri-1767": UNKNOWN_AI_NOT_ATTRIBUTE,
  "engine-testGenerateDLuri-2206": UNKNOWN_AI_NOT_ATTRIBUTE,
  "biip-message-test_gs1_messages-2": GRAI_CHECK_DIGIT,
  "biip-message-test_gs1_messages-7": GRAI_CHECK_DIGIT,
  "biip-message-test_gs1_messages-3": MONTH_00,
  "biip-dl-test_gs1_digital_link_uris-6": MONTH_00,
  "biip-message-test_gs1_messages-6": GTIN_FIRST,
  "biip-date-test_gs1_element_strings-1": GTIN_FIRST,
  "biip-date-test_gs1_element_strings-16": GTIN_FIRST,
  "biip-message-test_gs1_element_strings-14": GTIN_FIRST,
  "biip-money-test_gs1_element_strings-3": GTIN_FIRST,
  "biip-message_hri-test_gs1_messages-8": DOUBLE_GS,
  "biip-hri-test_gs1_messages-6": SHAPE_DETECTED,
  "biip-dl-test_gs1_digital_link_uris-7": SHAPE_DETECTED,
  "biip-message-test_gs1_element_strings-9": NO_CHECK_DIGIT_CHECK,
  "biip-message-test_gs1_element_strings-10": NO_CHECK_DIGIT_CHECK,
  "biip-message-test_gs1_element_strings-11": NO_CHECK_DIGIT_CHECK,
  "biip-parse-test_parse-14": NO_CHECK_DIGIT_CHECK,
  "biip-date-test_gs1_element_strings-7": NO_TIME_9999,
  "biip-date-test_gs1_element_strings-9": NO_TIME_9999,
  "biip-dl_canonical-test_gs1_digital_link_uris-4": QUERY_IN_DATA_ORDER,
  "biip-parse-test_parse-10": NO_BARE_UPC_E,
  "biip-parse-test_parse-11": NO_BARE_SSCC,
  "biip-parse-test_parse-19": NO_DL_IN_GS1_QR,
  "biip-parse-test_parse-20": RCN_ALWAYS_VERIFIED,
  "biip-symbology-test_symbology-1": SYMBOLOGY_ONLY,
  "biip-symbology-test_symbology-2": SYMBOLOGY_ONLY,
  "biip-symbology-test_symbology-3": SYMBOLOGY_ONLY,
  "biip-symbology-test_symbology-4": SYMBOLOGY_ONLY,
  "biip-symbology-test_symbology-5": SYMBOLOGY_ONLY,
  "biip-symbology-test_symbology-6": SYMBOLOGY_ONLY,
  "barcodeparser-SymbologyIdentifierSpec-3": NOT_GS1_CARRIERS,
  "barcodeparser-SymbologyIdentifierSpec-4": NOT_GS1_CARRIERS,
  "barcodeparser-ParenthesisedBarcodeSpec-3": NO_CHECK_DIGIT_CHECK,
  "barcodeparser-ParenthesisedBarcodeSpec-4": ESCAPED_BRACKET,
  "barcodeparser-ParenthesisedBarcodeSpec-13": NO_HRI_BEHIND_AIM,
  "bark-js-parser-1": NO_CHECK_DIGIT_CHECK,
  "bark-js-parser-2": NO_CHECK_DIGIT_CHECK,
  "bark-js-parser-3": NO_CHECK_DIGIT_CHECK,
  "bark-js-parser-5": DAY_00,
  "digital-link.js-index-10": NO_COMPRESSED_DL,
  "digital-link.js-index-39": NO_COMPRESSED_DL,
  "digital-link.js-index-40": NO_COMPRESSED_DL,
  "digital-link.js-index-12": NO_TRAILING_SLASH,
  "digital-link.js-index-34": ENGINE_ACCEPTS_GIAI,
};
