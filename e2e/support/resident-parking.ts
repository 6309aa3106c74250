import { aboutMe, dayFromToday, erika, germanDate, png, truthfully } from "./application-fill.ts";
import type { ServiceScript } from "./application-journey.ts";

/**
 * The Bewohnerparkausweis as a guest applies for it (wrong answers first, the validity changed from the review
 * page to one year); its fee is paid before the application is sent. Shared by the household journeys and
 * the payment journey.
 */
export const residentParking: ServiceScript = {
  slug: "bewohnerparkausweis",
  name: "Bewohnerparkausweis beantragen",
  query: "Bewohnerparkausweis",
  signedIn: false,
  steps: [
    {
      id: "antragsteller",
      title: "Ihre Angaben",
      wrong: {
        async fill(f) {
          await aboutMe(f);
          await f.text("Vorname", "");
          await f.text("E-Mail-Adresse", "erika.mustermann@");
        },
        errors: [
          ["Geben Sie „Vorname“ an", "field-givenName"],
          [
            "Geben Sie eine E-Mail-Adresse im richtigen Format an, zum Beispiel name@beispiel.de",
            "field-email",
          ],
        ],
      },
      async fill(f) {
        await f.text("Vorname", erika.givenName);
        await f.text("E-Mail-Adresse", f.email);
      },
    },
    {
      id: "zone",
      title: "Bewohnerparkzone",
      wrong: {
        async fill(f) {
          await f.choose(
            "In welcher Zone wohnen Sie?",
            "Zone A – Altstadt (Marktplatz, Obergasse, Untergasse)",
          );
          await f.choose("Ist diese Adresse Ihr Hauptwohnsitz?", "Nein");
        },
        errors: [
          [
            "Einen Bewohnerparkausweis gibt es nur für den Hauptwohnsitz: Melden Sie zuerst Ihren Hauptwohnsitz an dieser Adresse an",
            "field-mainResidence",
          ],
        ],
      },
      fill: (f) => f.choose("Ist diese Adresse Ihr Hauptwohnsitz?", "Ja"),
    },
    {
      id: "fahrzeug",
      title: "Fahrzeug",
      wrong: {
        async fill(f) {
          await f.text("Amtliches Kennzeichen", "HGAB123");
          await f.choose("Auf wen ist das Fahrzeug zugelassen?", "Auf mich");
          await f.upload("Fahrzeugschein", png("fahrzeugschein.png"));
        },
        errors: [["Geben Sie das Kennzeichen wie auf dem Schild an, zum Beispiel HG-AB 123", "field-plate"]],
      },
      fill: (f) => f.text("Amtliches Kennzeichen", "HG-AB 123"),
    },
    {
      id: "laufzeit",
      title: "Gültigkeit",
      async fill(f) {
        await f.choose("Für wie lange beantragen Sie den Ausweis?", "2 Jahre (61,40 €)");
        await f.date("Gültig ab", dayFromToday(7));
      },
    },
    { id: "erklaerung", title: "Erklärung", fill: truthfully },
  ],
  review: {
    shows: [
      "HG-AB 123",
      "fahrzeugschein.png",
      germanDate(dayFromToday(7)),
      "61,40 €",
      "Rechtsgrundlage: Gebührensatzung für das Bewohnerparken der Stadt Usingen",
    ],
    change: {
      label: "Für wie lange beantragen Sie den Ausweis?",
      stepId: "laufzeit",
      fill: (f) => f.choose("Für wie lange beantragen Sie den Ausweis?", "1 Jahr (30,70 €)"),
      shows: ["1 Jahr (30,70 €)", "30,70 €"],
    },
  },
  receiptShows: "HG-AB 123",
  paysFirst: { amount: "30,70 €" },
};
