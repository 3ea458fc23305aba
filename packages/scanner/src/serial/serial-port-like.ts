// Structural stand-ins for the Web Serial types, which TypeScript's DOM lib does not have. `navigator.serial` and
// its ports satisfy them as they are; tests use a port whose `readable` is a real ReadableStream.

/** What `SerialPort.getInfo()` says about a USB serial port. */
export interface SerialPortInfoLike {
  readonly usbVendorId?: number | undefined;
  readonly usbProductId?: number | undefined;
}

/** The `SerialPort.open()` options ScanGate sets. */
export interface SerialOpenOptionsLike {
  baudRate: number;
}

/** A Web Serial port (`SerialPort`) or anything shaped like one. */
export interface SerialPortLike {
  /** The bytes from the device while the port is open; null when closed or after a fatal error. */
  readonly readable: ReadableStream<Uint8Array> | null;
  open(options: SerialOpenOptionsLike): Promise<void>;
  close(): Promise<void>;
  getInfo(): SerialPortInfoLike;
}

/** The Web Serial API object (`navigator.serial`) as `webSerial` uses it: the ports granted earlier. */
export interface SerialLike {
  getPorts(): Promise<readonly SerialPortLike[]>;
}

/** The `Scan.device` label of a serial port: "serial:" + USB vendor id + ":" + product id, or just "serial". */
export function serialPortLabel(port: Pick<SerialPortLike, "getInfo">): string {
  const info = port.getInfo();
  if (info.usbVendorId === undefined || info.usbProductId === undefined) return "serial";
  return `serial:${hex4(info.usbVendorId)}:${hex4(info.usbProductId)}`;
}

function hex4(value: number): string {
  return value.toString(16).padStart(4, "0");
}
