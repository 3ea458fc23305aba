// The camera preview: @scangate/scanner/camera (and its zxing-wasm decoder) is imported only when the cashier turns
// the camera on, so a till with a USB scanner never downloads the decoder. Scans go to the checkout through
// parts.cameraScans, deduplicated (a code held still is read many times a second).
import type { ScannerStatus } from "@scangate/scanner";
import { dedupe } from "@scangate/scanner";
import { useEffect, useRef, useState } from "preact/hooks";
import { useTill } from "./till-context.js";

export function CameraPanel() {
  const { parts, t } = useTill();
  const [on, setOn] = useState(false);
  const [status, setStatus] = useState<ScannerStatus | undefined>(undefined);
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    if (!on || video.current === null) return;
    const element = video.current;
    let stopped = false;
    const teardown: (() => void)[] = [];
    void import("@scangate/scanner/camera").then(({ camera }) => {
      if (stopped) return;
      const source = camera(element, {
        mediaDevices: navigator.mediaDevices,
        wasmUrl: new URL("/zxing_reader.wasm", location.href),
        storage: localStorage,
      });
      const statuses = source.status$.subscribe(setStatus);
      const scans = source.scans$.pipe(dedupe()).subscribe((scan) => parts.cameraScans.next(scan));
      teardown.push(
        () => scans.unsubscribe(),
        () => statuses.unsubscribe(),
      );
    });
    return () => {
      stopped = true;
      for (const stop of teardown) stop();
      setStatus(undefined);
    };
  }, [on, parts]);

  const state = status?.state ?? "idle";
  const stateText =
    state === "failed" ? t("camera.failed", { code: status?.diagnostic?.code ?? "" }) : t(`camera.${state}`);
  return (
    <div class="camera">
      <button type="button" aria-pressed={on} onClick={() => setOn(!on)}>
        {on ? t("till.cameraOff") : t("till.cameraOn")}
      </button>
      <span class="camera-status" role="status" data-camera-state={state}>
        {t("till.cameraStatus", { state: stateText })}
      </span>
      {on && <video ref={video} class="preview" aria-label={t("camera.preview")} muted playsInline />}
    </div>
  );
}
