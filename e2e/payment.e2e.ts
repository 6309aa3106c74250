import type { Locator } from "playwright-core";
import { describe, expect, it } from "vitest";
import { waitForMail } from "#test/mailbox.ts";
import type { Tab } from "./support/account-journey.ts";
import { expectErrors } from "./support/application-fill.ts";
import {
  answerAll,
  attachedPdfText,
  findInMyTownHall,
  type JourneyContext,
  journeyContext,
  openJourney,
  readReceiptMail,
  type ServiceScript,
  textOf,
} from "./support/application-journey.ts";
import { atPlatform, fillInDirectDebit, ibans, platformWords } from "./support/payment-platform.ts";
import { residentParking } from "./support/resident-parking.ts";

/**
 * Paying an application's fee online (issue 6's acceptance), in Chromium with and without JavaScript: a
 * signed-in citizen applies for a Bewohnerparkausweis from the Usingen home; the review shows the fee and its
 * legal basis; "Antrag absenden und bezahlen" leads to the payment platform simulator, where the citizen first
 * cancels, then lets the payment fail, then pays by direct debit (a mistyped IBAN first). Each time the
 * confirmation shows the state of the payment and offers to pay again; once paid, the application is sent,
 * its receipt and the payment receipt (a PDF with Kassenzeichen and amount) arrive by mail, and Mein Rathaus
 * shows the fee paid. Every page, the platform's included, passes axe with no browser problem.
 */

const script: ServiceScript = { ...residentParking, signedIn: true };
/** Two years, as the script answers; a guest's payment before sending is part of the household journeys. */
const fee = "61,40 €";

const words = {
  review: "Ihre Angaben prüfen",
  toPay: "Zu zahlen",
  legalBasis: "Rechtsgrundlage: Gebührensatzung für das Bewohnerparken der Stadt Usingen",
  paysFirst: "Sie bezahlen die Gebühr im nächsten Schritt online.",
  submitAndPay: "Antrag absenden und bezahlen",
  awaiting: "Ihr Antrag wartet auf die Bezahlung",
  received: "Ihr Antrag ist eingegangen",
  fee: "Gebühr",
  kassenzeichen: "Kassenzeichen",
  amount: "Betrag",
  state: "Stand der Zahlung",
  payAgain: "Erneut bezahlen",
  paidInMyTownHall: `Bezahlt: ${fee}`,
  paymentReceipt: (kassenzeichen: string) => `Zahlungsbestätigung ${kassenzeichen}`,
  paymentReceiptFile: (kassenzeichen: string) => `Zahlungsbestaetigung-${kassenzeichen}.pdf`,
} as const;

/** What a description list in `scope` gives for `term` (an amount, a Kassenzeichen, a state). */
const described = async (scope: Locator, term: string) =>
  (
    await scope.locator("dt", { hasText: term }).locator("xpath=following-sibling::dd[1]").textContent()
  )?.trim();

/** Back from the platform, the application not yet sent: the payment's state, and a button to pay again. */
async function expectUnpaid(me: Tab, confirmation: string, state: string): Promise<void> {
  await me.checkPage({ h1: words.awaiting, path: confirmation });
  const section = me.main.getByRole("region", { name: words.fee });
  expect(await described(section, words.state)).toBe(state);
  expect(await described(section, words.amount)).toBe(fee);
  await me.go(me.button(words.payAgain));
  await atPlatform(me, fee);
}

async function payForParkingPermit(ctx: JourneyContext, javaScript: boolean): Promise<void> {
  const email = `bezahlen-${javaScript ? "js" : "ohne-js"}@example.de`;
  const { me, close } = await openJourney(ctx, script, email, javaScript);
  try {
    const draftPath = await answerAll(me, script, email);
    const confirmation = `${draftPath}/bestaetigung`;
    await me.checkPage({ h1: words.review, path: `${draftPath}/pruefen` });
    expect(await described(me.main, words.toPay)).toBe(fee);
    const review = await textOf(me.main);
    for (const line of [words.legalBasis, words.paysFirst]) expect(review).toContain(line);
    await me.go(me.button(words.submitAndPay));

    await atPlatform(me, fee);
    await me.go(me.button(platformWords.cancel));
    await expectUnpaid(me, confirmation, "Abgebrochen");
    await me.go(me.button(platformWords.fail));
    await expectUnpaid(me, confirmation, "Fehlgeschlagen");
    await fillInDirectDebit(me, ibans.wrong);
    await me.go(me.button(platformWords.pay));
    await atPlatform(me, fee, 422);
    await expectErrors(me, [[platformWords.ibanChecksum, "field-iban"]]);
    await me.field(platformWords.iban).fill(ibans.right);
    await me.go(me.button(platformWords.pay));

    await me.checkPage({ h1: words.received, path: confirmation });
    const paid = me.main.getByRole("region", { name: words.fee });
    expect(await described(paid, words.state)).toBe("Bezahlt");
    expect(await described(paid, words.amount)).toBe(fee);
    expect(await me.main.getByRole("button").count()).toBe(0);
    const kassenzeichen = (await described(paid, words.kassenzeichen)) ?? "";
    expect(kassenzeichen).toMatch(/^USI-\d{4}-K\d+$/);
    const reference = /USI-\d{4}-\d{6}/.exec(await textOf(me.main))?.[0] ?? "";
    expect(reference).not.toBe("");

    await waitForMail(ctx.app.database.db, email, reference);
    const row = await findInMyTownHall(me, ctx, reference);
    expect(await textOf(row)).toContain(words.paidInMyTownHall);
    expect(await row.getByRole("button").count()).toBe(0);

    await readReceiptMail(me, ctx, script, email, reference);
    await me.openNewestMail(email, words.paymentReceipt(kassenzeichen));
    const receipt = await attachedPdfText(me, ctx, words.paymentReceiptFile(kassenzeichen));
    expect(receipt).toContain(kassenzeichen);
    expect(receipt).toContain(fee);
  } finally {
    await close();
  }
}

const ctx = journeyContext();

describe("paying an application's fee online in the browser", () => {
  for (const javaScript of [true, false])
    it(`Bewohnerparkausweis: cancelled, failed, a wrong IBAN, then paid (JavaScript ${javaScript ? "on" : "off"})`, async () => {
      await payForParkingPermit(ctx, javaScript);
    }, 180_000);
});
