import type { FastifyInstance } from "fastify";

export interface RegisteredRoute {
  method: string;
  url: string;
}

/**
 * Every route of the app, read from Fastify's route tree (`printRoutes`), so tests can cover all routes of
 * an area, including ones added later, instead of a hand-kept list.
 */
export function registeredRoutes(app: FastifyInstance): RegisteredRoute[] {
  const stack: string[] = [];
  const routes: RegisteredRoute[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const match = /^([│ ]*)[├└]── (.+?) \(([A-Z, ]+)\)$/.exec(line.replace(/\u00a0/g, " "));
    if (!match) continue;
    const [, indent = "", segment = "", methods = ""] = match;
    const depth = indent.length / 4;
    const parent = stack[depth - 1] ?? "";
    const path = parent.endsWith("/") || segment.startsWith("/") ? parent + segment : `${parent}/${segment}`;
    stack[depth] = path;
    stack.length = depth + 1;
    for (const method of methods.split(", ")) routes.push({ method, url: path.replace(/\/{2,}/g, "/") });
  }
  return routes;
}
