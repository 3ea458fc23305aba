import { webSerialHarness } from "./fakes/scan-source-harnesses.js";
import { testScanSource } from "./scan-source-conformance.js";

testScanSource("webSerial", webSerialHarness);
