import { webHidHarness } from "./fakes/scan-source-harnesses.js";
import { testScanSource } from "./scan-source-conformance.js";

testScanSource("webHid", webHidHarness);
