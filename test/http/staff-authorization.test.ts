import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDrivers } from "../db.ts";
import { createCitizen } from "../factories.ts";
import { FormClient, textOf } from "../form-client.ts";
import { registeredRoutes } from "../routes.ts";
import { startTestApp, type TestApp } from "../server.ts";
import { signInStaff } from "../staff.ts";

const staffCookie = "rathaus_staff_sid";
const isBackOffice = (url: string) =>
  url.startsWith("/:tenant/verwaltung") || url.startsWith("/api/v1/:tenant/verwaltung");

describe.each(testDrivers())("back-office authorization on %s", (driver) => {
  let t: TestApp;
  let clerk: FormClient;
  let clerkCookie = "";
  let neuAnspachId = "";
  let neuAnspachMember = "";

  beforeAll(async () => {
    t = await startTestApp(driver);
    clerk = await signInStaff(t.url, "usingen", "sachbearbeitung@usingen.example");
    clerkCookie = clerk.cookie(staffCookie) ?? "";
    const neuAnspach = await t.services.tenants.bySlug("neu-anspach");
    neuAnspachId = neuAnspach?.id ?? "";
    neuAnspachMember = (await t.services.staff.staff.list(neuAnspachId))[0]?.id ?? "";
  });
  afterAll(() => t?.close());

  const send = (method: string, path: string, cookie: string) =>
    fetch(`${t.url}${path}`, {
      method,
      headers: { cookie: `${staffCookie}=${cookie}`, "content-type": "application/x-www-form-urlencoded" },
      body: method === "POST" ? "_csrf=x" : undefined,
      redirect: "manual",
    });

  it("answers 404 for every Neu-Anspach back-office URL and API to a Usingen clerk", async () => {
    const routes = registeredRoutes(t.app).filter(
      (r) => isBackOffice(r.url) && (r.method === "GET" || r.method === "POST"),
    );
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      const path = route.url.replace(":tenant", "neu-anspach").replace(":id", neuAnspachMember);
      const response = await send(route.method, path, clerkCookie);
      expect(response.status, `${route.method} ${path}`).toBe(404);
      if (path.startsWith("/api/")) {
        expect(response.headers.get("content-type")).toContain("application/problem+json");
      }
    }
    // The same cookie still works at home.
    expect((await send("GET", "/usingen/verwaltung", clerkCookie)).status).toBe(200);
  });

  it("refuses a clerk the administration pages and API with 403", async () => {
    const dashboard = await clerk.get("/usingen/verwaltung");
    expect(textOf(dashboard.html)).not.toContain("Mitarbeitende ");
    const adminId = (
      await t.services.staff.staff.list((await t.services.tenants.bySlug("usingen"))?.id ?? "")
    ).find((m) => m.roles.includes("admin"))?.id;
    const pages = [
      "/usingen/verwaltung/mitarbeitende",
      "/usingen/verwaltung/mitarbeitende/einladen",
      `/usingen/verwaltung/mitarbeitende/${adminId}`,
      "/usingen/verwaltung/fachbereiche",
      "/usingen/verwaltung/protokoll",
      "/api/v1/usingen/verwaltung/mitarbeitende",
    ];
    for (const path of pages) expect((await clerk.get(path)).status, path).toBe(403);
    // Posts carry a valid CSRF token, so it is the permission that refuses them, not the token.
    const posts = [
      [
        "/usingen/verwaltung/mitarbeitende/einladen",
        { displayName: "X", email: "x@usingen.example", roles: "admin" },
      ],
      [`/usingen/verwaltung/mitarbeitende/${adminId}`, { displayName: "X", roles: "clerk" }],
      [`/usingen/verwaltung/mitarbeitende/${adminId}/status`, { action: "disable" }],
      [`/usingen/verwaltung/mitarbeitende/${adminId}/zugang`, {}],
      ["/usingen/verwaltung/fachbereiche", { name: "Neu" }],
    ] as const;
    for (const [path, fields] of posts) {
      await clerk.get("/usingen/verwaltung");
      const refused = await clerk.post(path, fields);
      expect(refused.status, path).toBe(403);
      expect(textOf(refused.html)).toContain("keine Berechtigung");
    }
    const usingenId = (await t.services.tenants.bySlug("usingen"))?.id ?? "";
    const admin = (await t.services.staff.staff.list(usingenId)).find((m) => m.id === adminId);
    expect(admin?.roles).toEqual(["admin"]);
    expect(admin?.status).toBe("active");
  });

  it("keeps citizens out of the back office", async () => {
    await createCitizen(t, "buerger@example.de", "Vier Vögel vertragen Vanille");
    const citizen = new FormClient(t.url);
    await citizen.get("/usingen/konto/anmelden");
    await citizen.post("/usingen/konto/anmelden", {
      email: "buerger@example.de",
      password: "Vier Vögel vertragen Vanille",
    });
    const citizenCookie = citizen.cookie("rathaus_sid") ?? "";
    expect(citizenCookie).not.toBe("");
    const page = await citizen.get("/usingen/verwaltung");
    expect(page.status).toBe(303);
    expect(page.location).toBe("/usingen/verwaltung/anmelden?weiter=%2Fusingen%2Fverwaltung");
    const api = await citizen.get("/api/v1/usingen/verwaltung/ich");
    expect(api.status).toBe(401);
    expect(api.headers.get("content-type")).toContain("application/problem+json");
    // A citizen's session id offered as a staff cookie signs nobody in.
    expect((await send("GET", "/usingen/verwaltung", citizenCookie)).status).toBe(303);
  });

  it("rejects a staff session cookie rewritten to another municipality", async () => {
    const [, staffId, secret] = clerkCookie.split(".");
    const forged = `${neuAnspachId}.${staffId}.${secret}`;
    for (const slug of ["neu-anspach", "usingen"]) {
      const response = await send("GET", `/${slug}/verwaltung`, forged);
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toContain(`/${slug}/verwaltung/anmelden`);
      expect(response.headers.getSetCookie().join()).toMatch(/rathaus_staff_sid=;/);
    }
    const api = await send("GET", "/api/v1/neu-anspach/verwaltung/ich", forged);
    expect(api.status).toBe(401);
  });

  it("lets Neu-Anspach's own staff in", async () => {
    const admin = await signInStaff(t.url, "neu-anspach", "admin@neu-anspach.example");
    expect((await admin.get("/neu-anspach/verwaltung/mitarbeitende")).status).toBe(200);
    const me = await admin.get("/api/v1/neu-anspach/verwaltung/ich");
    expect(JSON.parse(me.html)).toMatchObject({ email: "admin@neu-anspach.example", roles: ["admin"] });
    // ... and out of Usingen's.
    expect((await admin.get("/usingen/verwaltung")).status).toBe(404);
  });
});
