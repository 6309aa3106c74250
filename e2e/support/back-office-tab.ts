import type { Browser } from "playwright-core";
import { newContext } from "#test/browser.ts";
import type { TestApp } from "#test/server.ts";
import { signInStaff } from "#test/staff.ts";
import { type Tab, tab } from "./account-journey.ts";
import { accessibilityAuditor } from "./page-checks.ts";

/**
 * German browser tabs, each with cookies of its own and the axe auditor that fits JavaScript: a member of
 * Usingen's staff when `staffEmail` is given (the session comes from an HTTP sign-in; signing in is the back
 * office's own journey), else a citizen. Browser and app are getters, as they start in beforeAll hooks.
 * `close` closes every tab opened.
 */
export function tabOpener(browser: () => Browser, app: () => TestApp, javaScript: boolean) {
  const closers: (() => Promise<void>)[] = [];
  return {
    async open(staffEmail?: string): Promise<Tab> {
      const context = await newContext(browser(), { javaScript, locale: "de-DE" });
      if (staffEmail) {
        const session =
          (await signInStaff(app().url, "usingen", staffEmail)).cookie("rathaus_staff_sid") ?? "";
        await context.addCookies([{ name: "rathaus_staff_sid", value: session, url: app().url }]);
      }
      const auditor = await accessibilityAuditor(browser(), { javaScript, locale: "de-DE" });
      closers.push(
        () => context.close(),
        () => auditor.close(),
      );
      return tab(await context.newPage(), app(), "de", auditor);
    },
    async close(): Promise<void> {
      for (const close of closers.splice(0)) await close();
    },
  };
}
