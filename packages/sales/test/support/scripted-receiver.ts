// A capture endpoint on 127.0.0.1 whose answers a test scripts, for the uploader's behaviours: Retry-After,
// back-off, the breaker, timeouts and refusals. By default it acknowledges (202) and counts each eventID; a script
// may answer anything, hang past the client's timeout, or reset the connection. stop()/restart() keep the port.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** How one request is answered. */
export type ScriptedReply =
  | { readonly status: number; readonly headers?: Record<string, string>; readonly body?: string }
  | "hang"
  | "reset";

/** One request as the receiver saw it. */
export interface SeenRequest {
  readonly path: string;
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
  readonly eventIds: readonly string[];
  /** The events of the capture document, as received. */
  readonly events: readonly Record<string, unknown>[];
  readonly status: number;
}

/** A running scripted receiver. */
export interface ScriptedReceiver {
  readonly url: string;
  readonly requests: SeenRequest[];
  /** How many times each eventID was acknowledged (a 2xx answered for a document holding it). */
  readonly acknowledged: Map<string, number>;
  /** Sets the script; returning undefined acknowledges. */
  script(reply: (request: { eventIds: readonly string[]; index: number }) => ScriptedReply | undefined): void;
  /** Resolves once `count` requests have been seen. */
  requestsReach(count: number): Promise<void>;
  stop(): Promise<void>;
  restart(): Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

/** Starts a scripted receiver on an ephemeral port. */
export async function startScriptedReceiver(): Promise<ScriptedReceiver> {
  const requests: SeenRequest[] = [];
  const acknowledged = new Map<string, number>();
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  let reply: (request: { eventIds: readonly string[]; index: number }) => ScriptedReply | undefined = () => undefined;
  const sockets = new Set<Socket>();
  const seen = (request: SeenRequest) => {
    requests.push(request);
    for (const waiter of waiters.filter((candidate) => requests.length >= candidate.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };

  const listen = async (port: number): Promise<Server> => {
    const server = createServer(async (request, response) => {
      const body = await bodyOf(request);
      let events: Array<Record<string, unknown> & { eventID: string }> = [];
      try {
        events = (JSON.parse(body) as { epcisBody: { eventList: typeof events } }).epcisBody.eventList;
      } catch {
        // Not a capture document: seen with no events.
      }
      const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
      const eventIds = events.map((event) => event.eventID);
      const base = {
        path,
        authorization: request.headers.authorization,
        contentType: request.headers["content-type"],
        eventIds,
        events,
      };
      const answer = reply({ eventIds, index: requests.length }) ?? { status: 202, body: '{"captureID":"1"}' };
      if (answer === "hang") return seen({ ...base, status: 0 });
      if (answer === "reset") {
        seen({ ...base, status: 0 });
        return void request.socket.destroy();
      }
      if (answer.status >= 200 && answer.status < 300)
        for (const id of eventIds) acknowledged.set(id, (acknowledged.get(id) ?? 0) + 1);
      seen({ ...base, status: answer.status });
      response
        .writeHead(answer.status, { "content-type": "application/json", ...answer.headers })
        .end(answer.body ?? "");
    });
    server.on("connection", (socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
    return server;
  };

  let server: Server | undefined = await listen(0);
  const port = (server.address() as AddressInfo).port;
  const close = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  };
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    acknowledged,
    script(next) {
      reply = next;
    },
    requestsReach(count) {
      if (requests.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    stop: close,
    async restart() {
      await close();
      server = await listen(port);
    },
  };
}
