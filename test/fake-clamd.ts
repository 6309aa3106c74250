import { once } from "node:events";
import { type AddressInfo, createServer, type Server, type Socket } from "node:net";

export type FakeClamdMode = "scan" | "size-limit" | "silent";

/**
 * A local peer that speaks clamd's INSTREAM protocol for tests: it parses the length-prefixed chunks and
 * answers FOUND when the stream contains the EICAR test string, else OK. `size-limit` answers like clamd
 * past StreamMaxLength, `silent` never answers.
 */
export async function startFakeClamd(mode: FakeClamdMode = "scan") {
  const received: Buffer[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    let buffer = Buffer.alloc(0);
    let commandSeen = false;
    const chunks: Buffer[] = [];
    socket.on("data", (data: Buffer) => {
      buffer = Buffer.concat([buffer, data]);
      if (!commandSeen) {
        const end = buffer.indexOf(0);
        if (end < 0) return;
        if (buffer.subarray(0, end).toString() !== "zINSTREAM") return void socket.end("UNKNOWN COMMAND\0");
        commandSeen = true;
        buffer = buffer.subarray(end + 1);
        if (mode === "size-limit") return void socket.end("INSTREAM size limit exceeded. ERROR\0");
      }
      while (buffer.length >= 4) {
        const length = buffer.readUInt32BE(0);
        if (buffer.length < 4 + length) return;
        if (length === 0) {
          const content = Buffer.concat(chunks);
          received.push(content);
          if (mode === "silent") return;
          const infected = content.includes("EICAR-STANDARD-ANTIVIRUS-TEST-FILE");
          return void socket.end(infected ? "stream: Eicar-Test-Signature FOUND\0" : "stream: OK\0");
        }
        chunks.push(buffer.subarray(4, 4 + length));
        buffer = buffer.subarray(4 + length);
      }
    });
    socket.on("error", () => {});
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    host: "127.0.0.1",
    port: (server.address() as AddressInfo).port,
    /** The content of every stream scanned, in order. */
    received,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The EICAR anti-virus test file: harmless, but every scanner reports it. */
export const eicar = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

/** A port on which nothing listens. */
export async function closedPort(): Promise<number> {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
