import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDigitalLink } from "../src/digital-link-format.js";
import { parseDigitalLink } from "../src/digital-link-parse.js";

// --- Independent helpers: none of them calls the code under test. -------------------------------------------

/** GS1 mod-10 check digit (GenSpecs §7.9.1), spelled out: weights 3, 1, 3, … from the rightmost digit. */
function withCheckDigit(payload: string): string {
  const sum = [...payload].reverse().reduce((total, digit, index) => total + Number(digit) * (index % 2 ? 1 : 3), 0);
  return payload + String((10 - (sum % 10)) % 10);
}

const GTIN = "09521234543213";
const SSCC = "006141411234567890";
const GLN = "9520123456788";

/** Elements as `[ai, raw]` pairs, the shape the vectors and the tables below are written in. */
function pairs(elements: readonly { ai: string; raw: string }[]): string[][] {
  return elements.map(({ ai, raw }) => [ai, raw]);
}

function parsedPairs(uri: string): string[][] | string {
  const result = parseDigitalLink(uri);
  return result.ok ? pairs(result.value.elements) : result.error.code;
}

// The public peer vectors (URI and Digital Link output cases among them) run through parse() and toDigitalLink()
// in peer-vectors.test.ts, with the deliberate differences listed once in peer-vectors-differences.ts.

// --- Reading: one rule at a time ------------------------------------------------------------------------------

describe("parseDigitalLink: scheme and host", () => {
  it.each([
    `https://id.gs1.org/01/${GTIN}`,
    `http://id.gs1.org/01/${GTIN}`,
    `HTTPS://ID.GS1.ORG/01/${GTIN}`,
    `HtTpS://id.gs1.org/01/${GTIN}`,
    `https://example.com:8443/01/${GTIN}`,
    `https://192.0.2.1/01/${GTIN}`,
    `https://[2001:db8::1]/01/${GTIN}`,
    `https://xn--fsq.xn--0zwm56d/01/${GTIN}`,
    `https://example.com./01/${GTIN}`,
  ])("accepts %s", (uri) => {
    expect(parsedPairs(uri)).toEqual([["01", GTIN]]);
  });

  it.each([
    ["ftp://id.gs1.org/01/09521234543213", "another scheme"],
    ["mailto:alice@example.com", "not a web URI"],
    ["https:/id.gs1.org/01/09521234543213", "one slash after the scheme"],
    ["https://", "nothing after the scheme"],
    ["https://id.gs1.org", "no path"],
    ["https:///01/09521234543213", "an empty host"],
    ["https://user@id.gs1.org/01/09521234543213", "user info in the host"],
    ["https://[fe80::1%25lo]/01/09521234543213", "an IPv6 zone id"],
    ["https://exa$mple.com/01/09521234543213", "a '$' in the host"],
  ])("rejects %s (%s) as BAD_DIGITAL_LINK", (uri) => {
    expect(parsedPairs(uri)).toBe("BAD_DIGITAL_LINK");
  });

  it.each([" ", '"', "|", "é", "<", "{", "\\", "^", "`"])("rejects %j, which must be percent-encoded", (character) => {
    const uri = `https://id.gs1.org/01/${GTIN}/10/A${character}B`;
    const offset = uri.indexOf(character, 20);
    expect(parseDigitalLink(uri)).toMatchObject({ ok: false, error: { code: "BAD_DIGITAL_LINK", offset } });
  });
});

describe("parseDigitalLink: path and primary key", () => {
  it("returns the stem before the primary key and where each value starts", () => {
    const uri = `https://example.com/products/all/01/${GTIN}/10/ABC`;
    expect(parseDigitalLink(uri)).toEqual({
      ok: true,
      value: {
        stem: "https://example.com/products/all",
        elements: [
          { ai: "01", raw: GTIN, offset: uri.indexOf(GTIN), definition: expect.objectContaining({ title: "GTIN" }) },
          {
            ai: "10",
            raw: "ABC",
            offset: uri.indexOf("ABC"),
            definition: expect.objectContaining({ title: "BATCH/LOT" }),
          },
        ],
        ignoredQueryParameters: [],
        warnings: [],
      },
    });
  });

  it("takes the rightmost primary key, so a path prefix may look like AIs", () => {
    const result = parseDigitalLink(`https://a/01/${GTIN}/00/${SSCC}`);
    expect(result).toMatchObject({ ok: true, value: { stem: `https://a/01/${GTIN}`, elements: [{ ai: "00" }] } });
    expect(parsedPairs(`https://a/00/faux/00/${SSCC}`)).toEqual([["00", SSCC]]);
  });

  it.each([
    [
      `/01/${GTIN}/22/V1/10/LOT/21/SER`,
      [
        ["01", GTIN],
        ["22", "V1"],
        ["10", "LOT"],
        ["21", "SER"],
      ],
    ],
    [
      `/01/${GTIN}/21/SER`,
      [
        ["01", GTIN],
        ["21", "SER"],
      ],
    ],
    [
      `/01/${GTIN}/235/TPX`,
      [
        ["01", GTIN],
        ["235", "TPX"],
      ],
    ],
    [
      `/414/${GLN}/254/EXT`,
      [
        ["414", GLN],
        ["254", "EXT"],
      ],
    ],
    [
      `/8018/${withCheckDigit("12345678901234567")}/8019/123`,
      [
        ["8018", "123456789012345675"],
        ["8019", "123"],
      ],
    ],
  ])("accepts qualifiers in dictionary order: %s", (path, expected) => {
    expect(parsedPairs(`https://id.gs1.org${path}`)).toEqual(expected);
  });

  it.each([
    [`/01/${GTIN}/10/LOT/22/V1`, "out of order"],
    [`/01/${GTIN}/21/SER/10/LOT`, "out of order"],
    [`/01/${GTIN}/22/V1/235/TPX`, "two alternatives mixed"],
    [`/01/${GTIN}/17/251231`, "an attribute in the path"],
    [`/00/${SSCC}/10/LOT`, "a key that takes no qualifiers"],
    [`/01/${GTIN}/99/ABC`, "an attribute in the path"],
  ])("rejects %s (%s) as BAD_DIGITAL_LINK", (path) => {
    expect(parsedPairs(`https://id.gs1.org${path}`)).toBe("BAD_DIGITAL_LINK");
  });

  it.each([
    ["https://id.gs1.org/", "no path info"],
    ["https://id.gs1.org/products/123", "no AI"],
    [`https://id.gs1.org/01/${GTIN}/`, "a trailing slash"],
    [`https://id.gs1.org/01/${GTIN}/10/`, "a trailing slash after a qualifier"],
    [`https://id.gs1.org/01//${GTIN}`, "an empty segment"],
    [`https://id.gs1.org/01/${GTIN}/123`, "an odd segment at the end"],
    [`https://id.gs1.org/01/${GTIN}/89/ABC`, "an unknown AI in the path"],
    ["https://dlnkd.tn.gg/HxHKVAdpQgZzjr-hCDKigI", "a compressed URI"],
  ])("rejects %s (%s) as BAD_DIGITAL_LINK", (uri) => {
    expect(parsedPairs(uri)).toBe("BAD_DIGITAL_LINK");
  });

  it("rejects the deprecated convenience alphas and says which AI to write", () => {
    const result = parseDigitalLink(`https://id.gs1.org/gtin/${GTIN}/ser/ABC`);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("BAD_DIGITAL_LINK");
      expect(result.error.message).toContain("/01/");
    }
  });

  it("reports a bad value with the element's own error code", () => {
    expect(parsedPairs("https://id.gs1.org/01/09521234543214")).toBe("BAD_CHECK_DIGIT");
    expect(parsedPairs(`https://id.gs1.org/01/${GTIN}/10/${"A".repeat(21)}`)).toBe("BAD_LENGTH");
    expect(parsedPairs(`https://id.gs1.org/00/${SSCC}?17=251332`)).toBe("BAD_DATE");
    expect(parsedPairs("https://id.gs1.org/01/0952123454321X")).toBe("BAD_CHARSET");
  });
});

describe("parseDigitalLink: GTIN-8/12/13 in a Digital Link", () => {
  it.each([
    ["9521234543213", "GTIN-13"],
    ["614141000036", "GTIN-12"],
    ["96385074", "GTIN-8"],
  ])("pads %s (%s) to 14 digits with a NON_CANONICAL_GTIN warning", (short) => {
    const result = parseDigitalLink(`https://example.com/01/${short}/21/S1`);
    expect(result).toMatchObject({
      ok: true,
      value: {
        elements: [{ ai: "01", raw: short.padStart(14, "0") }, { ai: "21" }],
        warnings: [{ code: "NON_CANONICAL_GTIN", ai: "01" }],
      },
    });
  });

  it("pads a short GTIN in the query string too", () => {
    const result = parseDigitalLink("https://example.com/8004/9520614141234567?01=9520123456788");
    expect(result).toMatchObject({
      ok: true,
      value: { elements: [{ ai: "8004" }, { ai: "01", raw: "09520123456788" }], warnings: [{ ai: "01" }] },
    });
  });

  it("does not pad a number whose check digit is wrong, so it is too short", () => {
    expect(parsedPairs("https://example.com/01/9521234543214")).toBe("BAD_LENGTH");
  });

  it("gives no warning for a 14-digit GTIN", () => {
    expect(parseDigitalLink(`https://example.com/01/${GTIN}`)).toMatchObject({ ok: true, value: { warnings: [] } });
  });
});

describe("parseDigitalLink: query string", () => {
  it("reads AI attributes in query order and keeps other parameters as written", () => {
    const result = parseDigitalLink(
      `https://id.gs1.org/01/${GTIN}/10/LOT?&linkType=gs1:pip&&17=251231&context=a%20b&singleton&3103=000195&#x?99=A`,
    );
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        elements: [
          expect.objectContaining({ ai: "01" }),
          ...["10", "17", "3103"].map((ai) => expect.objectContaining({ ai })),
        ],
        ignoredQueryParameters: [
          { name: "linkType", value: "gs1:pip" },
          { name: "context", value: "a%20b" },
          { name: "singleton", value: "" },
        ],
      }),
    });
  });

  it.each([
    [`/01/${GTIN}?10=LOT`, "BAD_DIGITAL_LINK", "a qualifier of (01) belongs in the path"],
    [`/01/${GTIN}/21/SER?10=LOT`, "BAD_DIGITAL_LINK", "(10) fits before (21) in the path"],
    [`/01/${GTIN}?21=SER`, "BAD_DIGITAL_LINK", "(21) is no query attribute"],
    [`/00/${SSCC}?8200=http%3A%2F%2Fx`, "BAD_DIGITAL_LINK", "(8200) is no query attribute"],
    [`/01/${GTIN}?999=faux`, "UNKNOWN_AI", "a number that is no AI"],
    [`/01/${GTIN}?99=A&99=A`, "BAD_DIGITAL_LINK", "an AI twice in the query"],
    [`/01/${GTIN}/10/LOT?99=A&10=LOT`, "BAD_DIGITAL_LINK", "an AI in path and query"],
    [`/01/${GTIN}?01=${GTIN}`, "BAD_DIGITAL_LINK", "the key again in the query"],
    [`/01/${GTIN}?99=`, "BAD_LENGTH", "an empty value"],
  ])("rejects %s as %s (%s)", (path, code) => {
    expect(parsedPairs(`https://id.gs1.org${path}`)).toBe(code);
  });

  it.each([
    [
      `/00/${SSCC}?10=LOT`,
      [
        ["00", SSCC],
        ["10", "LOT"],
      ],
      "(10) does not qualify (00)",
    ],
    [
      `/01/${GTIN}/235/TPX?10=LOT`,
      [
        ["01", GTIN],
        ["235", "TPX"],
        ["10", "LOT"],
      ],
      "(10) cannot join (235)",
    ],
    [`/01/${GTIN}?`, [["01", GTIN]], "an empty query"],
    [`/01/${GTIN}#frag?99=A`, [["01", GTIN]], "a '?' inside the fragment"],
    [
      `/01/${GTIN}?99=A#`,
      [
        ["01", GTIN],
        ["99", "A"],
      ],
      "an empty fragment",
    ],
  ])("accepts %s (%s)", (path, expected) => {
    expect(parsedPairs(`https://id.gs1.org${path}`)).toEqual(expected);
  });
});

describe("parseDigitalLink: percent-encoding", () => {
  it.each([
    [`/01/${GTIN}/10/A%2FB%2d1`, "A/B-1", "escapes in the path, either case"],
    [`/01/${GTIN}/10/A+B`, "A+B", "'+' is a plus in the path"],
    [`/01/${GTIN}/10/100%25`, "100%", "an escaped '%'"],
    [`/01/${GTIN}/10/%21%22%26%27%28%29%2A%2C%3A%3B%3C%3D%3E%3F`, "!\"&'()*,:;<=>?", "CSET 82 punctuation"],
  ])("decodes %s to %s (%s)", (path, value) => {
    expect(parsedPairs(`https://id.gs1.org${path}`)).toEqual([
      ["01", GTIN],
      ["10", value],
    ]);
  });

  it("reads '+' in the query as a space, which GS1 data never has", () => {
    expect(parsedPairs(`https://id.gs1.org/01/${GTIN}?99=A%2BB`)).toEqual([
      ["01", GTIN],
      ["99", "A+B"],
    ]);
    expect(parsedPairs(`https://id.gs1.org/01/${GTIN}?99=A+B`)).toBe("BAD_CHARSET");
  });

  it.each([
    [`/01/${GTIN}/10/A%00B`, "a null"],
    [`/01/${GTIN}?99=A%00`, "a null in the query"],
    [`/01/${GTIN}/10/A%4gB`, "a non-hex digit"],
    [`/01/${GTIN}/10/AB%2`, "a cut-off escape"],
    [`/01/${GTIN}?99=100%`, "a bare '%'"],
  ])("rejects %s (%s) as BAD_DIGITAL_LINK", (path) => {
    expect(parsedPairs(`https://id.gs1.org${path}`)).toBe("BAD_DIGITAL_LINK");
  });

  it("does not decode a percent-encoded AI: the engine reads path AIs as written", () => {
    expect(parsedPairs(`https://id.gs1.org/%30%31/${GTIN}`)).toBe("BAD_DIGITAL_LINK");
  });
});

// --- Writing ----------------------------------------------------------------------------------------------------

describe("formatDigitalLink", () => {
  const element = (ai: string, raw: string) => ({ ai, raw });

  it("writes the key, its qualifiers in dictionary order, then predefined-length AIs, then the rest", () => {
    const elements = [
      element("17", "251231"),
      element("21", "SER42"),
      element("01", GTIN),
      element("99", "X"),
      element("10", "ABC123"),
      element("3103", "000195"),
    ];
    expect(formatDigitalLink(elements)).toEqual({
      ok: true,
      value: `https://id.gs1.org/01/${GTIN}/10/ABC123/21/SER42?17=251231&3103=000195&99=X`,
    });
  });

  it("uses the given domain and path prefix, without a trailing slash", () => {
    const elements = [element("00", SSCC)];
    expect(formatDigitalLink(elements, { domain: "https://example.com/dl/" })).toEqual({
      ok: true,
      value: `https://example.com/dl/00/${SSCC}`,
    });
  });

  it("percent-encodes everything but A-Z a-z 0-9 - . _ ~", () => {
    const result = formatDigitalLink([
      element("01", GTIN),
      element("10", "a-Z.9_"),
      element("99", "!\"%&'()*+,/:;<=>?"),
    ]);
    expect(result).toEqual({
      ok: true,
      value: `https://id.gs1.org/01/${GTIN}/10/a-Z.9_?99=%21%22%25%26%27%28%29%2A%2B%2C%2F%3A%3B%3C%3D%3E%3F`,
    });
  });

  it("writes an element repeated with the same value once", () => {
    const elements = [element("01", GTIN), element("10", "A"), element("01", GTIN), element("10", "A")];
    expect(formatDigitalLink(elements)).toEqual({ ok: true, value: `https://id.gs1.org/01/${GTIN}/10/A` });
  });

  it("puts the most qualifiers in the path, the first sequence on a tie, as GS1's engine does", () => {
    expect(formatDigitalLink([element("01", GTIN), element("235", "TPX")])).toEqual({
      ok: true,
      value: `https://id.gs1.org/01/${GTIN}/235/TPX`,
    });
    // (10) wins the path on the tie, and (235) is no query attribute: no Digital Link can carry both.
    expect(formatDigitalLink([element("01", GTIN), element("10", "LOT"), element("235", "TPX")])).toMatchObject({
      ok: false,
      error: { code: "BAD_DIGITAL_LINK", ai: "235" },
    });
  });

  it.each([
    [[element("99", "X"), element("17", "251231")], "BAD_DIGITAL_LINK", "no primary key"],
    [[element("00", SSCC), element("21", "S")], "BAD_DIGITAL_LINK", "(21) does not qualify (00) and is no attribute"],
    [[element("01", GTIN), element("8200", "http://x")], "BAD_DIGITAL_LINK", "(8200) may not be in a DL"],
    [[element("01", GTIN), element("22", "V"), element("235", "T")], "BAD_DIGITAL_LINK", "two alternatives"],
    [[element("01", GTIN), element("10", "A"), element("10", "B")], "DUPLICATE_AI", "one AI, two values"],
    [[element("01", GTIN), element("89", "X")], "UNKNOWN_AI", "an unknown AI"],
    [[element("01", "9521234543213")], "BAD_LENGTH", "a GTIN-13 is not padded when writing"],
    [[element("01", "09521234543214")], "BAD_CHECK_DIGIT", "a wrong check digit"],
  ])("fails for %j with %s (%s)", (elements, code) => {
    expect(formatDigitalLink(elements)).toMatchObject({ ok: false, error: { code } });
  });

  it("throws for a domain that is not an http(s) URL: that is a programming error", () => {
    expect(() => formatDigitalLink([element("00", SSCC)], { domain: "id.gs1.org" })).toThrow(RangeError);
  });
});

// --- Properties -------------------------------------------------------------------------------------------------

const CSET82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
const cset82 = (maxLength: number) => fc.string({ unit: fc.constantFrom(...CSET82), minLength: 1, maxLength });
const digits = (length: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: length, maxLength: length });
const numeric = (maxLength: number) => fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 1, maxLength });
const yymmdd = fc
  .date({ min: new Date("2001-01-01T00:00:00Z"), max: new Date("2049-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString().slice(2, 10).replaceAll("-", ""));

type Pair = readonly [string, string];

/** A primary key with qualifiers from one of its sequences, in random order. */
const keyWithQualifiers: fc.Arbitrary<Pair[]> = fc.oneof(
  fc
    .record({
      gtin: digits(13).map(withCheckDigit),
      qualifiers: fc.oneof(
        fc.record({ "22": cset82(20), "10": cset82(20), "21": cset82(20) }, { requiredKeys: [] }),
        fc.record({ "235": cset82(28) }, { requiredKeys: [] }),
      ),
    })
    .map(({ gtin, qualifiers }): Pair[] => [["01", gtin], ...Object.entries(qualifiers)]),
  fc
    .tuple(digits(17).map(withCheckDigit), fc.option(digits(13).map(withCheckDigit), { nil: undefined }))
    .map(([sscc, content]): Pair[] =>
      content
        ? [
            ["00", sscc],
            ["02", content],
          ]
        : [["00", sscc]],
    ),
  fc.tuple(digits(12).map(withCheckDigit), fc.option(cset82(20), { nil: undefined })).map(([gln, extension]): Pair[] =>
    extension
      ? [
          ["414", gln],
          ["254", extension],
        ]
      : [["414", gln]],
  ),
  fc.tuple(digits(17).map(withCheckDigit), fc.option(numeric(10), { nil: undefined })).map(([gsrn, srin]): Pair[] =>
    srin
      ? [
          ["8018", gsrn],
          ["8019", srin],
        ]
      : [["8018", gsrn]],
  ),
);

/** Query-string attributes (AIs flagged "?" in the dictionary) with valid values. */
const attributes: fc.Arbitrary<Pair[]> = fc
  .record(
    {
      "17": yymmdd,
      "15": yymmdd,
      "3103": digits(6),
      "10": cset82(20),
      "99": cset82(90),
      "240": cset82(30),
      "37": numeric(8),
    },
    { requiredKeys: [] },
  )
  .map((record) => Object.entries(record));

const elementLists = fc.tuple(keyWithQualifiers, attributes).chain(([[key, ...qualifiers], extra]) => {
  // (235) and (10) both qualify (01), in different sequences: together they fit no Digital Link (see above).
  const excluded = (ai: string) =>
    qualifiers.some(([taken]) => taken === ai) || (ai === "10" && qualifiers.some(([taken]) => taken === "235"));
  const rest = [...qualifiers, ...extra.filter(([ai]) => !excluded(ai))];
  return fc
    .shuffledSubarray(rest, { minLength: rest.length, maxLength: rest.length })
    .map((shuffled) => [key as Pair, ...shuffled].map(([ai, raw]) => ({ ai, raw })));
});

const sortedPairs = (elements: readonly { ai: string; raw: string }[]) => pairs(elements).sort();

describe("properties", () => {
  it("reads back what it writes, and writing what it read gives the same URI", () => {
    fc.assert(
      fc.property(
        elementLists,
        fc.constantFrom("https://id.gs1.org", "https://example.com/products/", "HTTP://[2001:db8::1]:8080/a"),
        (elements, domain) => {
          const written = formatDigitalLink(elements, { domain });
          if (!written.ok) throw new Error(`${JSON.stringify(elements)}: ${written.error.message}`);
          const read = parseDigitalLink(written.value);
          if (!read.ok) throw new Error(`${written.value}: ${read.error.message}`);
          expect(sortedPairs(read.value.elements)).toEqual(sortedPairs(elements));
          expect(read.value.stem).toBe(domain.replace(/\/$/, ""));
          expect(read.value.warnings).toEqual([]);
          expect(formatDigitalLink(read.value.elements, { domain })).toEqual(written);
        },
      ),
      { seed: 20260727, numRuns: 500 },
    );
  });

  const uriCharacters = fc.constantFrom(..."0123456789/%?&=#+aA.-~:@!$'()*,;[]");
  it.each([
    ["any string", fc.string({ unit: "binary", maxLength: 80 })],
    ["any string after a GTIN key", fc.string({ maxLength: 80 }).map((tail) => `https://id.gs1.org/01/${tail}`)],
    [
      "URI-shaped strings",
      fc.string({ unit: uriCharacters, maxLength: 60 }).map((tail) => `https://id.gs1.org/01/${GTIN}${tail}`),
    ],
  ])("never throws for %s", (_name, inputs) => {
    fc.assert(
      fc.property(inputs, (input) => {
        const result = parseDigitalLink(input);
        expect(typeof result.ok).toBe("boolean");
      }),
      { seed: 20260727, numRuns: 2000 },
    );
  });
});
