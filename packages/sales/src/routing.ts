// Where each event goes: the default endpoint, or a producer's own EPCIS repository chosen by the GS1 company
// prefix of the GTIN sold. The route is decided once, at record time, and stored with the event as a key
// (`default` or the prefix), never as a URL or token: endpoints and tokens come from the current configuration
// at send time, so a rotated token applies to events already waiting.

/** A producer who receives its own sales directly. */
export interface ProducerRoute {
  /** GS1 Company Prefix (or any leading digits of GTIN-13s) whose sales go to this producer. */
  readonly companyPrefix: string;
  /** Base URL of the producer's EPCIS 2.0 capture interface; events are POSTed to `<endpoint>/capture`. */
  readonly endpoint: string;
  /** Bearer token the producer gave this store. */
  readonly token: string;
}

/** Where a route's batches are POSTed. */
export interface RouteTarget {
  readonly key: string;
  /** The full capture URL. */
  readonly captureUrl: string;
  readonly token: string;
}

/** The route key of events that go to the default endpoint. */
export const DEFAULT_ROUTE = "default";

/** Resolves GTINs to route keys and route keys to targets. */
export interface Routing {
  /** Route keys known to the configuration, default first. */
  readonly keys: readonly string[];
  routeOf(gtin14: string): string;
  targetOf(routeKey: string): RouteTarget;
}

/** `<endpoint>/capture`, however the endpoint ends. */
export const captureUrlOf = (endpoint: string): string =>
  new URL("capture", endpoint.endsWith("/") ? endpoint : `${endpoint}/`).href;

/**
 * The routing of one outbox. A route key stored by an older configuration that no longer names a producer falls
 * back to the default endpoint, so its events are still delivered, never stranded.
 */
export function createRouting(endpoint: string, token: string, producers: readonly ProducerRoute[]): Routing {
  for (const producer of producers)
    if (!/^\d{1,13}$/.test(producer.companyPrefix) || producer.companyPrefix === DEFAULT_ROUTE)
      throw new TypeError(`producers: companyPrefix "${producer.companyPrefix}" is not digits`);
  // Longest prefix first, so a producer's own sub-range wins over a broader one.
  const byLength = [...producers].sort((a, b) => b.companyPrefix.length - a.companyPrefix.length);
  const targets = new Map<string, RouteTarget>([
    [DEFAULT_ROUTE, { key: DEFAULT_ROUTE, captureUrl: captureUrlOf(endpoint), token }],
  ]);
  for (const producer of producers)
    targets.set(producer.companyPrefix, {
      key: producer.companyPrefix,
      captureUrl: captureUrlOf(producer.endpoint),
      token: producer.token,
    });
  const fallback = targets.get(DEFAULT_ROUTE) as RouteTarget;
  return {
    keys: [...targets.keys()],
    routeOf: (gtin14) =>
      byLength.find((producer) => gtin14.slice(1).startsWith(producer.companyPrefix))?.companyPrefix ?? DEFAULT_ROUTE,
    targetOf: (routeKey) => targets.get(routeKey) ?? { ...fallback, key: routeKey },
  };
}
