import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDrivers } from "../db.ts";
import { startTestApp, type TestApp } from "../server.ts";

describe.each(testDrivers())("tenant homes on %s", (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver);
  });
  afterAll(() => t?.close());

  it("lists both municipalities on the landing page", async () => {
    const html = await (await fetch(`${t.url}/`)).text();
    expect(html).toContain("Stadt Usingen");
    expect(html).toContain("Stadt Neu-Anspach");
  });
});
