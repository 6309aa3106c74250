import { once } from "node:events";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedNotification {
  body: Buffer;
  headers: IncomingHttpHeaders;
}

/**
 * A stand-in for our payment notification route on a port of its own: records every notification a payment
 * platform posts and answers with the next queued status (200 when none is queued).
 */
export async function startCallbackListener() {
  const received: ReceivedNotification[] = [];
  const statuses: number[] = [];
  const waiting: (() => void)[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    received.push({ body: Buffer.concat(chunks), headers: request.headers });
    response
      .writeHead(statuses.shift() ?? 200, { "content-type": "application/json" })
      .end('{"status":"ok"}');
    for (const wake of waiting.splice(0)) wake();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v1/usingen/payments/notifications/epay-sim`,
    received,
    /** The statuses of the next answers (then 200 again). */
    answerNext: (...codes: number[]) => statuses.push(...codes),
    /** Resolves with all notifications once `count` have arrived. */
    async until(count: number): Promise<ReceivedNotification[]> {
      while (received.length < count) await new Promise<void>((resolve) => waiting.push(resolve));
      return received;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

export type CallbackListener = Awaited<ReturnType<typeof startCallbackListener>>;
