import { Socket } from "node:net";

/** The PostgreSQL server the tests use when it is reachable (trust auth, as on CI). */
export const pgAdminUrl = "postgres://postgres@127.0.0.1:5432/test";

export function pgUrlFor(database: string): string {
  return `postgres://postgres@127.0.0.1:5432/${database}`;
}

export function isPgReachable(host = "127.0.0.1", port = 5432, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("error", () => done(false));
    socket.connect(port, host, () => done(true));
  });
}
