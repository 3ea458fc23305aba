// Screens the cashier opens now and then (sales, catalogue, settings, scanner test, receipt) load on first use, so
// the till's first paint carries only the till. The service worker precaches their chunks for offline use.
import { type ComponentType, h } from "preact";
import { useEffect, useState } from "preact/hooks";

/** A component that renders `load()`'s component once it has arrived (nothing before). */
export function lazyScreen<Props extends object>(load: () => Promise<ComponentType<Props>>): ComponentType<Props> {
  let loaded: ComponentType<Props> | undefined;
  return function LazyScreen(props: Props) {
    const [, setArrived] = useState(loaded !== undefined);
    useEffect(() => {
      if (loaded === undefined)
        void load().then((component) => {
          loaded = component;
          setArrived(true);
        });
    }, []);
    return loaded === undefined ? null : h(loaded, props);
  };
}
