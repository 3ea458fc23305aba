// GS1's own unit tests for its linters (github.com/gs1/gs1-syntax-dictionary, src/lint_<name>.c, the
// UNIT_TEST_PASS and UNIT_TEST_FAIL lines), transcribed, plus our own cases where noted.
import { describe, expect, it } from "vitest";
import { LINTERS } from "../src/linters/index.js";

/**
 * Inputs a linter accepts, and inputs it rejects written as GS1's tests write them: the rejected span between
 * asterisks, e.g. "2001*32*" for "200132" with the day marked.
 */
interface Cases {
  readonly pass: readonly string[];
  readonly fail: readonly string[];
}

function marked(name: string, input: string): string | undefined {
  const found = LINTERS[name]?.(input);
  if (!found) return undefined;
  const end = found.offset + found.length;
  return `${input.slice(0, found.offset)}*${input.slice(found.offset, end)}*${input.slice(end)}`;
}

const DATE_FAILURES = ["*x*00131", "2*x*0131", "20*x*131", "200*x*31", "2001*x*1", "20013*x*"];
const DATE_FAILURES_LENGTH = ["**", "*1*", "*11*", "*111*", "*1111*", "*11111*", "*1111111*"];
const DAYS_IN_2020 = ["200131", "200229", "200331", "200430", "200531", "200630", "200731", "200831", "200930"];
const DAY_AFTER_2020 = ["2001*32*", "2002*30*", "2003*32*", "2004*31*", "2005*32*", "2006*31*", "2007*32*"];
const YYMMDD_COMMON: Cases = {
  pass: ["000606", "250606", "500606", "750606", "990606", ...DAYS_IN_2020, "201031", "201130", "201231"],
  fail: [
    ...DATE_FAILURES,
    ...DATE_FAILURES_LENGTH,
    "20*00*10",
    "20*13*10",
    "20*99*10",
    ...DAY_AFTER_2020,
    "2008*32*",
    "2009*31*",
    "2010*32*",
    "2011*31*",
    "2012*32*",
    "2102*29*",
    "2202*29*",
    "2302*29*",
    "2402*30*",
    "0002*30*",
    "0402*30*",
    "9602*30*",
  ],
};
const LEAP_DAYS_YY = ["210228", "220228", "230228", "240229", "000229", "040229", "960229"];

const REFERENCE: Record<string, Cases> = {
  csum: {
    pass: ["02345673", "416000336108", "1234567890128", "12345678901231", "123456789012345675"],
    fail: [
      "**",
      "1234567*3*",
      "41600033610*9*",
      "123456789012*9*",
      "1234567890123*2*",
      "12345678901234567*0*",
      "* *23456789012345675",
      "12345678* *012345675",
      "12345678901234567* *",
    ],
  },
  csumalpha: {
    pass: [
      "22",
      "!22",
      "!!22",
      "1987654Ad4X4bL5ttr2310c2K",
      "12345678901234567890123NT",
      "12345_ABCDEFGHIJKLMCP",
      "12345_NOPQRSTUVWXYZDN",
      "12345_abcdefghijklmN3",
      "12345_nopqrstuvwxyzP2",
      "12345_!\"%&'()*+,-./LC",
      "12345_0123456789:;<=>?62",
      "7907665Bm8v2AB",
      "97850l6KZm0yCD",
      "225803106GSpEF",
      "149512464PM+GH",
      "62577B8fRG7HJK",
      "515942070CYxLM",
      "390800494sP6NP",
      "386830132uO+QR",
      "53395376X1:nST",
      "957813138Sb6UV",
      "530790no0qOgWX",
      "62185314IvwmYZ",
      "23956qk1&dB!23",
      "794394895ic045",
      "57453Uq3qA<H67",
      "0881063PhHvY89",
      "00000!HV",
      "99999zzzzzzzzzzzzzzzzzzT2",
      `${"1234567890".repeat(9)}1234567HA`, // 99 characters, the longest the C linter takes
    ],
    fail: [
      "**",
      "*2*",
      "*33*",
      "1987654Ad4X4bL5ttr2310c*XK*",
      "1987654Ad4X4bL5ttr2310c*2X*",
      `*${"1234567890".repeat(9)}12345678ZZ*`, // 100 characters
      "* *2345678901234567890123NT",
      "123456789* *1234567890123NT",
      "1234567890123456789012* *NT",
      "12345678901234567890123* *T",
      "12345678901234567890123N* *",
    ],
  },
  gcppos1: {
    pass: ["01234", "0123", "0123A"],
    fail: ["*012*", "*01*", "*0*", "**", "012*A*A", "01*A*AA", "0*A*AAA", "*A*AAAA"],
  },
  gcppos2: {
    pass: ["I01234", "I0123", "I0123A"],
    fail: ["I*012*", "I*01*", "I*0*", "*I*", "**", "I012*A*A", "I01*A*AA", "I0*A*AAA", "I*A*AAAA"],
  },
  yymmd0: { pass: [...YYMMDD_COMMON.pass, ...LEAP_DAYS_YY, "200600"], fail: YYMMDD_COMMON.fail },
  yymmdd: { pass: [...YYMMDD_COMMON.pass, ...LEAP_DAYS_YY], fail: [...YYMMDD_COMMON.fail, "2006*00*"] },
  yyyymmdd: {
    pass: ["20000606", "20250606", "20500606", "19750606", "19990606", "20200131", "20200229", "20201231"],
    fail: [
      "*x*0200131",
      "2020013*x*",
      "**",
      "*1111111*",
      "*111111111*",
      "2020*00*10",
      "2020*13*10",
      "202001*32*",
      "202002*30*",
      "202004*31*",
      "202102*29*",
      "202402*30*",
      "200002*30*",
      "199602*30*",
      "202006*00*",
    ],
  },
  hh: { pass: ["00", "09", "10", "23"], fail: ["*24*", "*x*0", "0*x*", "**", "*1*", "*111*"] },
  mi: { pass: ["00", "09", "30", "59"], fail: ["*60*", "*x*0", "0*x*", "**", "*1*", "*111*"] },
  ss: { pass: ["00", "09", "30", "59"], fail: ["*60*", "*x*0", "0*x*", "**", "*1*", "*111*"] },
  hhmi: {
    pass: ["0000", "2359", "0100", "2300", "0001", "0059"],
    fail: ["*24*00", "00*60*", "*x*000", "0*x*00", "00*x*0", "000*x*", "**", "*1*", "*11*", "*111*", "*11111*"],
  },
  iso3166: {
    pass: ["004", "008", "010", "012", "016", "020", "031", "032", "894"],
    fail: ["**", "*0*", "*00*", "*000*", "*0000*", "*_894*", "*894_*", "*999*", "*AAA*", "*001*", "*005*", "*011*"],
  },
  iso3166999: { pass: ["999", "004", "894"], fail: ["*000*", "*998*", "**"] },
  iso3166alpha2: {
    pass: ["AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AZ", "BA", "DE", "GB", "US", "ZW"],
    fail: ["**", "*A*", "*AA*", "*AAA*", "*_AD*", "*AD_*", "*AB*", "*AC*", "*AH*", "*DA*", "*EU*", "*ad*"],
  },
  iso4217: {
    pass: ["008", "012", "032", "036", "044", "048", "050", "051", "052", "060", "840", "978", "999"],
    fail: ["**", "*0*", "*00*", "*000*", "*0000*", "*_999*", "*999_*", "*AAA*", "*001*", "*004*", "*010*"],
  },
  iso5218: {
    pass: ["0", "1", "2", "9"],
    fail: ["*3*", "*4*", "*5*", "*6*", "*7*", "*8*", "**", "*/*", "*:*", "*01*"],
  },
  mediatype: {
    pass: ["01", "02", "05", "09", "10", "80", "81", "90", "99"],
    fail: ["**", "*0*", "*000*", "*_01*", "*01_*", "*AA*", "*00*", "*11*", "*30*", "*60*", "*79*"],
  },
  packagetype: {
    pass: ["1A", "1W", "200", "206", "212", "2C", "43", "8", "9", "AA", "APE", "BGE", "CBL", "RB3", "X11", "X3", "ZZ"],
    fail: ["**", "*0*", "*00*", "*000*", "*0000*", "*_9*", "*9_*", "*_1A*", "*1A_*", "*_200*", "*200_*", "*ZZZ*"],
  },
  yesno: { pass: ["0", "1"], fail: ["**", "*/*", "*2*", "*01*"] },
  winding: {
    pass: ["0", "1", "9"],
    fail: ["*2*", "*3*", "*4*", "*5*", "*6*", "*7*", "*8*", "**", "*/*", "*:*", "*01*"],
  },
  iban: {
    pass: [
      "FR7630006000011234567890189",
      "DE91100000000123456789",
      "GR9608100010000001234567890",
      "MU43BOMM0101123456789101000MUR",
      "PK70BANK0000123456789000",
      "PL10105000997603123456789123",
      "RO09BCYP0000001234567890",
      "SA4420000001234567891234",
      "ES7921000813610123456789",
      "CH5604835012345678009",
      "GB98MIDL07009312345678",
      "BE71096123456769",
      "LC14BOSL123456789012345678901234",
    ],
    fail: [
      "BE*71*096123456760",
      "LC*14*BOSL123456789012345678901230",
      "**",
      "*B*",
      "*BE*",
      "*BE7*",
      "*BE71*",
      "LC14BOSL*x*x3456789012345678901230",
      "*XX*361234567890",
    ],
  },
  hyphen: { pass: ["-", "--"], fail: ["**", "*X*", "*XX*"] },
  zero: {
    pass: ["0", "00", "000"],
    fail: ["**", "*1*", "*01*", "*10*", "*001*", "*010*", "*011*", "*100*", "*101*", "*110*", "*X*", "*0X*", "*X0*"],
  },
  nonzero: {
    pass: ["1", "01", "10", "11", "001", "010", "100", "111", "0009", "9000", "01234567890"],
    fail: ["*0*", "*00*", "*000*", "*0000*", "*A*999", "9*A*99", "99*A*9", "999*A*", "**"],
  },
  nozeroprefix: {
    pass: ["", "1", "10", "210", "321", "1234567890"],
    fail: ["*0*", "*0*1", "*0*12", "*0*123", "*A*999", "9*A*99", "99*A*9", "999*A*"],
  },
  hasnondigit: {
    pass: ["/", ":", "/123456789", "012345678/", ":123456789", "012345678:", "AA", "A1", "1A", "1AA", "A11", "1A1"],
    fail: ["**", "*0*", "*9*", "*0123456789*", "*11*", "*111*"],
  },
  importeridx: {
    pass: ["-", "0", "9", "A", "Z", "_", "a", "z"],
    fail: [
      "**",
      "*AA*",
      "*\u0001*",
      "* *",
      '*"*',
      "*#*",
      "*,*",
      "*.*",
      "*/*",
      "*:*",
      "*@*",
      "*[*",
      "*`*",
      "*{*",
      "*~*",
    ],
  },
  pcenc: {
    pass: [
      "",
      "A",
      "%00",
      "%FF",
      "%Ff",
      "%fF",
      "%ff",
      "%20",
      "ABC%20",
      "ABC%ffXYZ",
      "ABCDEFGHIJKLMNOPQRSTUVWXYZ%00+12345",
    ],
    fail: ["*%fg*", "*%gf*", "*%g*", "ABC*%fg*", "ABC*%gf*", "ABC*%g*", "ABC*%fg*XYZ", "ABC*%gX*YZ"],
  },
  latitude: {
    pass: ["0279085848", "0000000000", "1800000000"],
    fail: ["*027908584*", "*02790858481*", "*1800000001*"],
  },
  longitude: {
    pass: ["3015297971", "0000000000", "3600000000"],
    fail: ["*301529797*", "*30152979711*", "*3600000001*"],
  },
  pieceoftotal: {
    pass: ["11", "13", "23", "33", "89", "99", "0101", "0103", "9899", "9999", "001001", "998999", "999999"],
    fail: [
      "**",
      "*1*",
      "*111*",
      "*11111*",
      "*x*5555555",
      "5555555*x*",
      "*0*1",
      "*0*0",
      "1*0*",
      "*00*01",
      "01*00*",
      "*000*001",
      "001*000*",
      "*21*",
      "*98*",
      "*0908*",
      "*1009*",
      "*9998*",
      "*002001*",
      "*999998*",
    ],
  },
  posinseqslash: {
    pass: ["1/1", "1/3", "3/3", "9/10", "10/10", "1/100", "100/100", "98/99", "999/999"],
    fail: [
      "**",
      "*/*",
      "*1*",
      "*x*",
      "*1/*",
      "*1//*",
      "*/1*",
      "*//1*",
      "*1//2*",
      "*x/y*",
      "*0*/1",
      "1/*0*",
      "*0*/0",
      "1/*02*",
      "*01*/2",
      "*2/1*",
      "*10/9*",
      "*11/10*",
      "*100/99*",
      "*999/998*",
    ],
  },
};

describe("linters agree with GS1's unit tests", () => {
  for (const [name, { pass, fail }] of Object.entries(REFERENCE)) {
    it(`${name} (lint_${name}.c)`, () => {
      expect(pass.map((input) => [input, marked(name, input)])).toEqual(pass.map((input) => [input, undefined]));
      const inputs = fail.map((markup) => markup.replaceAll("*", ""));
      expect(inputs.map((input) => marked(name, input))).toEqual(fail);
    });
  }
});

describe("dates with two-digit years", () => {
  it("take 00 to 71 as 20YY and 72 to 99 as 19YY, the fixed window of lint_yymmd0.c, for leap days", () => {
    expect(LINTERS.yymmd0?.("000229")).toBeUndefined(); // 2000, divisible by 400
    expect(LINTERS.yymmdd?.("240229")).toBeUndefined();
    expect(LINTERS.yymmdd?.("720229")).toBeUndefined(); // 1972
    expect(LINTERS.yymmdd?.("960229")).toBeUndefined(); // 1996
    expect(LINTERS.yymmdd?.("250229")?.message).toBe("day 29 does not exist in 2025-02");
    expect(LINTERS.yymmd0?.("000230")?.message).toBe("day 30 does not exist in 2000-02");
  });

  it("apply the full Gregorian rule to four-digit years", () => {
    expect(LINTERS.yyyymmdd?.("20000229")).toBeUndefined();
    expect(LINTERS.yyyymmdd?.("24000229")).toBeUndefined();
    expect(LINTERS.yyyymmdd?.("19000229")?.message).toBe("day 29 does not exist in 1900-02");
    expect(LINTERS.yyyymmdd?.("21000229")).toMatchObject({ kind: "date", offset: 6, length: 2 });
  });
});

describe("code lists", () => {
  const threeDigitCodes = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, "0"));
  const accepted = (name: string, codes: string[]) => codes.filter((code) => LINTERS[name]?.(code) === undefined);

  it("know the 249 ISO 3166 numeric country codes of lint_iso3166.c", () => {
    expect(accepted("iso3166", threeDigitCodes)).toHaveLength(249);
    expect(accepted("iso3166999", threeDigitCodes)).toHaveLength(250);
  });

  it("know the 249 ISO 3166 alpha-2 country codes of lint_iso3166alpha2.c", () => {
    const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const pairs = [...letters].flatMap((first) => [...letters].map((second) => first + second));
    expect(accepted("iso3166alpha2", pairs)).toHaveLength(249);
  });

  it("know the 180 ISO 4217 currency codes of lint_iso4217.c, without the withdrawn 931 (CUC)", () => {
    expect(accepted("iso4217", threeDigitCodes)).toHaveLength(180);
    expect(accepted("iso4217", ["924", "931", "532"])).toEqual(["924", "532"]);
  });

  it("know the 431 package type codes of lint_packagetype.c", () => {
    const characters = [..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"];
    const oneOrTwo = [...characters, ...characters.flatMap((a) => characters.map((b) => a + b))];
    const upToThree = [
      ...oneOrTwo,
      ...oneOrTwo.filter((code) => code.length === 2).flatMap((ab) => characters.map((c) => ab + c)),
    ];
    expect(accepted("packagetype", upToThree)).toHaveLength(431);
  });

  it("take AIDC media types 01 to 10 and 80 to 99, as lint_mediatype.c does", () => {
    const twoDigitCodes = threeDigitCodes.slice(0, 100).map((code) => code.slice(1));
    expect(accepted("mediatype", twoDigitCodes)).toEqual([
      ...["01", "02", "03", "04", "05", "06", "07", "08", "09", "10"],
      ...twoDigitCodes.slice(80),
    ]);
  });
});

describe("IBAN", () => {
  it("says which check digits the IBAN should have", () => {
    expect(LINTERS.iban?.("BE71096123456760")?.message).toBe("IBAN check digits should be 23, not 71");
    expect(LINTERS.iban?.("BE23096123456760")).toBeUndefined();
  });
});
