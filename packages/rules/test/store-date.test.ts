import { describe, expect, it } from "vitest";
import { storeDate } from "../src/store-date.js";

describe("storeDate", () => {
  it("gives the Shanghai calendar date across UTC midnight", () => {
    expect(storeDate(Date.parse("2026-12-31T15:59:59Z"))).toBe("2026-12-31"); // 23:59:59 in Shanghai
    expect(storeDate(Date.parse("2026-12-31T16:00:00Z"))).toBe("2027-01-01"); // 00:00 in Shanghai, still 31 Dec in UTC
  });

  it("takes any IANA zone", () => {
    const instant = Date.parse("2026-11-29T03:00:00Z");
    expect(storeDate(instant, "Asia/Shanghai")).toBe("2026-11-29");
    expect(storeDate(instant, "America/Los_Angeles")).toBe("2026-11-28");
  });

  it("throws RangeError for a caller's bug (bad zone, NaN)", () => {
    expect(() => storeDate(0, "Mars/Olympus")).toThrow(RangeError);
    expect(() => storeDate(Number.NaN)).toThrow(RangeError);
  });
});
