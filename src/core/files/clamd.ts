import { once } from "node:events";
import { createReadStream } from "node:fs";
import { connect, type Socket } from "node:net";

export type ScanResult =
  | { verdict: "clean" }
  | { verdict: "infected"; signature: string }
  /** The scanner could not give a verdict (unreachable, timed out, refused the stream). */
  | { verdict: "unavailable"; reason: string };

export interface VirusScanner {
  scan(path: string): Promise<ScanResult>;
}

export interface ClamdOptions {
  host: string;
  port: number;
  timeoutMs?: number;
}

const chunkBytes = 64 * 1024;

/** clamd's answer to INSTREAM: "stream: OK", "stream: <signature> FOUND" or "<reason> ERROR". */
export function parseClamdReply(reply: string): ScanResult {
  const text = reply.replace(/\0+$/, "").trim();
  if (text === "stream: OK") return { verdict: "clean" };
  const found = /^stream: (.+) FOUND$/.exec(text);
  if (found?.[1]) return { verdict: "infected", signature: found[1] };
  return { verdict: "unavailable", reason: text === "" ? "no answer" : text.slice(0, 200) };
}

/** INSTREAM: each chunk is sent as a 4-byte big-endian length and the bytes, then a zero length ends it. */
async function sendFile(socket: Socket, path: string, signal: AbortSignal): Promise<void> {
  socket.write("zINSTREAM\0");
  for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes })) {
    const length = Buffer.alloc(4);
    length.writeUInt32BE((chunk as Buffer).length);
    if (!socket.write(Buffer.concat([length, chunk as Buffer]))) await once(socket, "drain", { signal });
  }
  socket.write(Buffer.alloc(4));
}

/**
 * A client of clamd (ClamAV's daemon) over TCP. Every failure to get a verdict is `unavailable`: the caller
 * decides what that means (uploads refuse the file: fail closed).
 */
export function clamdScanner(options: ClamdOptions): VirusScanner {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    scan: (path) =>
      new Promise((resolve) => {
        const abort = new AbortController();
        let reply = "";
        const socket = connect({ host: options.host, port: options.port });
        const finish = (result: ScanResult) => {
          abort.abort();
          socket.destroy();
          resolve(result); // later calls are no-ops: a promise settles once
        };
        const unavailable = (reason: string) => finish({ verdict: "unavailable", reason });
        socket.setTimeout(timeoutMs, () => unavailable(`no answer within ${timeoutMs} ms`));
        socket.on("data", (data: Buffer) => {
          reply += data.toString("utf8");
          if (reply.includes("\0")) finish(parseClamdReply(reply.slice(0, reply.indexOf("\0"))));
        });
        // clamd may answer and close early (e.g. "INSTREAM size limit exceeded"): its answer counts then.
        socket.on("error", (error) => (reply ? finish(parseClamdReply(reply)) : unavailable(error.message)));
        socket.on("close", () => finish(parseClamdReply(reply)));
        socket.on("connect", () => {
          sendFile(socket, path, abort.signal).catch((error: Error) => {
            if (!abort.signal.aborted) unavailable(error.message);
          });
        });
      }),
  };
}
