// Subscribes a component to an rxjs stream for as long as it is mounted (the packages' lifetime is subscription).
import { useEffect, useState } from "preact/hooks";
import type { Observable } from "rxjs";

/** The latest value of `source$`, `initial` until it emits. */
export function useObservable<T>(source$: Observable<T>, initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const subscription = source$.subscribe(setValue);
    return () => subscription.unsubscribe();
  }, [source$]);
  return value;
}

/** Whether the browser says it is online, following `online`/`offline` events. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
  return online;
}
