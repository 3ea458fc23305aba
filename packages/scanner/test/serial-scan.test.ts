import { describe, expect, it } from "vitest";
import { splitAimPrefix } from "../src/aim-prefix.js";
import { decodeLatin1 } from "../src/latin1.js";
import { serialScan } from "../src/serial/serial-scan.js";
import { latin1Bytes } from "./fakes/latin1-bytes.js";

const GS = "\u001d";

describe("splitAimPrefix", () => {
  it.each([
    ["]d2010950600013435217261231", { symbology: "]d2", text: "010950600013435217261231" }],
    ["]Q3010950600013435", { symbology: "]Q3", text: "010950600013435" }],
    ["]E04006381333931", { symbology: "]E0", text: "4006381333931" }],
    ["]e0", { symbology: "]e0", text: "" }],
    ["]Xz1", { symbology: "]Xz", text: "1" }],
  ])("splits the AIM id off %s", (input, expected) => {
    expect(splitAimPrefix(input)).toEqual(expected);
  });

  it.each(["4006381333931", `${GS}0109506000134352`, "]", "]d", "]2d0109", "]d-0109", "]]d2", ""])(
    "leaves %j as it is",
    (input) => {
      expect(splitAimPrefix(input)).toEqual({ text: input });
    },
  );
});

describe("decodeLatin1", () => {
  it("maps every byte to the code unit of the same value, GS and 0x80–0xFF included", () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, index) => index);
    const text = decodeLatin1(bytes);
    expect(text.length).toBe(256);
    expect(Array.from(text, (char) => char.charCodeAt(0))).toEqual(Array.from(bytes));
    expect(text[0x1d]).toBe(GS);
    expect(text[0x80]).toBe("\u0080");
  });

  it("decodes more bytes than fit in one call's arguments", () => {
    const bytes = new Uint8Array(100_000).fill(0x41);
    expect(decodeLatin1(bytes)).toBe("A".repeat(100_000));
  });
});

describe("serialScan", () => {
  it("moves the AIM id to symbology and keeps GS and the raw bytes", () => {
    const bytes = latin1Bytes(`]C10109521234543213${GS}10ABC`);
    expect(serialScan({ bytes, at: 42 }, "serial:0c2e:0b0a")).toEqual({
      text: `0109521234543213${GS}10ABC`,
      symbology: "]C1",
      symbologySource: "device",
      source: "serial",
      device: "serial:0c2e:0b0a",
      at: 42,
      raw: bytes,
    });
  });

  it("leaves symbology out when the scanner sends no AIM id", () => {
    const scan = serialScan({ bytes: latin1Bytes("caf\u00e9"), at: 1 }, "serial");
    expect(scan.text).toBe("café");
    expect("symbology" in scan).toBe(false);
  });
});
