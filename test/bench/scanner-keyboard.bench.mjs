// Keyboard wedge: CPU per key event and lost scans at scanner speed, against the built @scangate/scanner.
// Keys are dispatched in Node on a plain EventTarget (the wedge reads key, code and modifiers, as from a real
// keydown) with an rxjs VirtualTimeScheduler as the clock, so 2 ms per key is exact however loaded the machine is.
// The browser binding's own cost is measured by the browser tests' trace (see packages/scanner/docs).
import { VirtualTimeScheduler } from "rxjs";
import { keyboardWedge } from "../../packages/scanner/dist/index.js";

const GS = "\u001d";
const SCAN = `]d201095212345432131725123110ABC123${GS}21SER42`;

/** The keydowns a US-layout scanner sends for a text: Shift for capitals and "]", Ctrl+] for GS, Enter last. */
function keysOf(text) {
  const keys = [];
  for (const character of text) {
    if (character === GS) keys.push({ key: "]", code: "BracketRight", ctrlKey: true });
    else if (character === "]") keys.push({ key: "]", code: "BracketRight" });
    else if (/\d/.test(character)) keys.push({ key: character, code: `Digit${character}` });
    else
      keys.push({
        key: character,
        code: `Key${character.toUpperCase()}`,
        shiftKey: character !== character.toLowerCase(),
      });
  }
  keys.push({ key: "Enter", code: "Enter" });
  return keys;
}

function keydown(fields) {
  const event = new Event("keydown", { cancelable: true });
  const all = {
    ctrlKey: false,
    altKey: false,
    shiftKey: false,
    metaKey: false,
    repeat: false,
    isComposing: false,
    ...fields,
    timeStamp: 0,
  };
  for (const [name, value] of Object.entries(all)) Object.defineProperty(event, name, { value });
  return event;
}

/** Types `scans` scans at `gapMs` per key (and `pauseMs` between scans) and returns the scans read and the time. */
function typeScans(scans, gapMs, pauseMs, listen) {
  const scheduler = new VirtualTimeScheduler();
  const target = new EventTarget();
  const read = [];
  const subscription = listen ? keyboardWedge(target, { scheduler }).scans$.subscribe((scan) => read.push(scan)) : null;
  if (!listen) target.addEventListener("keydown", () => {}, { capture: true });
  const events = [];
  for (let i = 0; i < scans; i++) for (const key of keysOf(SCAN)) events.push(keydown(key));
  const keysPerScan = events.length / scans;
  const started = process.hrtime.bigint();
  events.forEach((event, index) => {
    scheduler.frame += index % keysPerScan === 0 ? pauseMs : gapMs;
    target.dispatchEvent(event);
    if (index % keysPerScan === keysPerScan - 1) scheduler.flush();
  });
  const elapsedNs = Number(process.hrtime.bigint() - started);
  subscription?.unsubscribe();
  return { read, keys: events.length, elapsedNs };
}

const SCANS = 2000;
typeScans(200, 2, 60, true); // warm up
const baseline = typeScans(SCANS, 2, 60, false);
const wedge = typeScans(SCANS, 2, 60, true);
const perKeyUs = (wedge.elapsedNs - baseline.elapsedNs) / wedge.keys / 1000;
const lost = SCANS - wedge.read.filter((scan) => scan.symbology === "]d2" && scan.text === SCAN.slice(3)).length;

console.log("### Keyboard wedge (built package, Node, virtual time)");
console.table({
  "dispatch only (no-op listener)": {
    keys: baseline.keys,
    "µs/key": (baseline.elapsedNs / baseline.keys / 1000).toFixed(3),
  },
  "dispatch + keyboardWedge": { keys: wedge.keys, "µs/key": (wedge.elapsedNs / wedge.keys / 1000).toFixed(3) },
});
console.log(`  wedge cost per key event: ${perKeyUs.toFixed(3)} µs (a scanner sends one key per 2 ms = 2000 µs)`);
console.log(`  scans typed at 2 ms per key: ${SCANS}; read exactly: ${SCANS - lost}; lost or changed: ${lost}`);
