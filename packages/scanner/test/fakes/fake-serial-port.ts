// A SerialPortLike for tests whose `readable` is a real ReadableStream<Uint8Array>, with the Web Serial rules
// that matter to a reader: `readable` is null while closed, a new stream comes with each open, `close()` rejects
// while the stream is locked, and a read error errors the stream.
import type { SerialLike, SerialOpenOptionsLike, SerialPortLike } from "../../src/serial/serial-port-like.js";
import { latin1Bytes } from "./latin1-bytes.js";

/** A scripted serial port. */
export interface FakeSerialPort extends SerialPortLike {
  readonly isOpen: boolean;
  /** Every `open()` call, including the ones that failed. */
  readonly openAttempts: number;
  readonly openCount: number;
  readonly closeCount: number;
  readonly openOptions: readonly SerialOpenOptionsLike[];
  /** Delivers one chunk (a string is one byte per character); returns whether a reader could receive it. */
  send(chunk: string | Uint8Array): boolean;
  /** Errors the readable stream, as a buffer overrun or a lost device does. */
  failRead(error?: Error): void;
  /** Ends the readable stream without an error. */
  endRead(): void;
  /** Makes the next `count` opens reject (a device that is unplugged, or held by another program). */
  failOpens(count: number): void;
}

/** Creates a closed fake port. Defaults to a Honeywell USB serial scanner (0x0C2E:0x0B0A). */
export function createFakeSerialPort(info = { usbVendorId: 0x0c2e, usbProductId: 0x0b0a }): FakeSerialPort {
  let readable: ReadableStream<Uint8Array> | null = null;
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let openAttempts = 0;
  let openCount = 0;
  let closeCount = 0;
  let failingOpens = 0;
  const openOptions: SerialOpenOptionsLike[] = [];

  const port = {
    openOptions,
    getInfo: () => ({ ...info }),
    async open(options: SerialOpenOptionsLike) {
      openAttempts++;
      if (readable) throw new DOMException("The port is already open.", "InvalidStateError");
      if (failingOpens > 0) {
        failingOpens--;
        throw new DOMException("Failed to open serial port.", "NetworkError");
      }
      openOptions.push(options);
      openCount++;
      readable = new ReadableStream<Uint8Array>({
        start: (streamController) => {
          controller = streamController;
        },
        cancel: () => {
          controller = undefined;
        },
      });
    },
    async close() {
      if (readable?.locked) throw new TypeError("Cannot cancel a locked stream");
      if (!readable) return;
      await readable.cancel().catch(() => undefined);
      readable = null;
      controller = undefined;
      closeCount++;
    },
    send(chunk: string | Uint8Array) {
      if (!controller) return false;
      controller.enqueue(typeof chunk === "string" ? latin1Bytes(chunk) : chunk.slice());
      return true;
    },
    failRead(error = new DOMException("The device has been lost.", "NetworkError")) {
      controller?.error(error);
      controller = undefined;
    },
    endRead() {
      controller?.close();
      controller = undefined;
    },
    failOpens(count: number) {
      failingOpens = count;
    },
  };
  Object.defineProperties(port, {
    readable: { get: () => readable },
    isOpen: { get: () => readable !== null },
    openAttempts: { get: () => openAttempts },
    openCount: { get: () => openCount },
    closeCount: { get: () => closeCount },
  });
  return port as typeof port & {
    readonly readable: ReadableStream<Uint8Array> | null;
    readonly isOpen: boolean;
    readonly openAttempts: number;
    readonly openCount: number;
    readonly closeCount: number;
  };
}

/** A stand-in for `navigator.serial`: the granted ports, which a test can change. */
export interface FakeSerial extends SerialLike {
  grant(port: SerialPortLike): void;
  /** Takes a port off the granted list, as the browser does with the old object of an unplugged device. */
  revoke(port: SerialPortLike): void;
}

/** Creates a fake Web Serial API with these ports granted. */
export function createFakeSerial(ports: readonly SerialPortLike[]): FakeSerial {
  const granted = [...ports];
  return {
    async getPorts() {
      return [...granted];
    },
    grant(port) {
      granted.push(port);
    },
    revoke(port) {
      granted.splice(granted.indexOf(port), 1);
    },
  };
}
