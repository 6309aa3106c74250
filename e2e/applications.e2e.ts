import { aboutMe, dayFromToday, erika, germanDate, truthfully } from "./support/application-fill.ts";
import { describeJourneys, type ServiceScript } from "./support/application-journey.ts";
import { residentParking } from "./support/resident-parking.ts";

/**
 * Online applications for a household, in Chromium, with and without JavaScript: Hundesteuer (signed in),
 * Bewohnerparkausweis and Sperrmüll (guests). Each starts at the Usingen home, searches, opens the service,
 * answers every step (wrong answers first), changes an answer from the review page, sends (the
 * Bewohnerparkausweis pays its fee first, by direct debit at the payment platform simulator), reads the
 * confirmation, the receipt mail with its PDF, and finds the application in Mein Rathaus or on the status
 * page. Every page passes axe and shows no console error or CSP violation.
 */

const dogTax: ServiceScript = {
  slug: "hundesteuer-anmeldung",
  name: "Hundesteuer – Anmeldung eines Hundes",
  query: "Hundesteuer",
  signedIn: true,
  steps: [
    {
      id: "halter",
      title: "Angaben zur Halterin oder zum Halter",
      wrong: {
        async fill(f) {
          await aboutMe(f, { email: false });
          await f.text("Postleitzahl", "61267", "Ihre Anschrift");
          await f.date("Geburtsdatum", "1985-02-31");
        },
        errors: [
          ["Geben Sie eine Adresse in Usingen an (Postleitzahl 61250)", "field-address-postalCode"],
          ["Geben Sie Ihr Geburtsdatum an, zum Beispiel 27 3 1985", "field-birthdate"],
        ],
      },
      async fill(f) {
        await f.text("Postleitzahl", "61250", "Ihre Anschrift");
        await f.date("Geburtsdatum", "1985-03-27");
      },
    },
    {
      id: "hund",
      title: "Angaben zum Hund",
      async fill(f) {
        await f.text("Name des Hundes", "Bello");
        await f.text("Rasse", "Labrador-Mischling");
        await f.text("Fellfarbe", "schwarz");
        await f.choose("Geschlecht", "Rüde");
        await f.text("Transpondernummer (Chip)", "276098106543210");
        await f.date("Der Hund lebt bei mir seit", dayFromToday(-10));
        await f.choose("Ist Ihr Hund ein gefährlicher Hund (Listenhund)?", "Nein");
      },
    },
    {
      id: "weitere-hunde",
      title: "Weitere Hunde",
      fill: (f) => f.choose("Halten Sie in Usingen bereits einen anderen Hund?", "Nein"),
    },
    { id: "erklaerung", title: "Erklärung", fill: truthfully },
  ],
  review: {
    shows: ["Bello", "Rüde", "Obergasse 7", "27.03.1985", "75,00 €"],
    change: {
      label: "Name des Hundes",
      stepId: "hund",
      fill: (f) => f.text("Name des Hundes", "Balou"),
      shows: ["Balou"],
    },
  },
  receiptShows: "Balou",
};

const bulkyWaste: ServiceScript = {
  slug: "sperrmuell-anmeldung",
  name: "Sperrmüll – Abholung anmelden",
  query: "Sperrmüll",
  signedIn: false,
  steps: [
    {
      id: "kontakt",
      title: "Abholadresse und Kontakt",
      wrong: {
        async fill(f) {
          await aboutMe(f);
          await f.text("Telefonnummer für Rückfragen", "abends");
        },
        errors: [
          ["Geben Sie eine Telefonnummer an, zum Beispiel 06081 1025-0 oder +49 6081 10250", "field-phone"],
        ],
      },
      fill: (f) => f.text("Telefonnummer für Rückfragen", erika.phone),
    },
    {
      id: "gegenstaende",
      title: "Was sollen wir abholen?",
      wrong: {
        async fill(f) {
          await f.select("Art", "Sofa oder Sessel", "Gegenstand 1");
          await f.text("Ungefähre Größe in m³", "1,5", "Gegenstand 1");
          await f.press("Weiteren Gegenstand hinzufügen");
          await f.select("Art", "Sonstiges", "Gegenstand 2");
          await f.text("Ungefähre Größe in m³", "0,5", "Gegenstand 2");
        },
        errors: [["Beschreiben Sie den Gegenstand", "field-items-1-description"]],
      },
      async fill(f) {
        await f.text("Beschreibung", "Alter Kinderwagen", "Gegenstand 2");
        await f.press("Weiteren Gegenstand hinzufügen");
        await f.select("Art", "Matratze", "Gegenstand 3");
        await f.text("Ungefähre Größe in m³", "0,8", "Gegenstand 3");
      },
    },
    {
      id: "termin",
      title: "Abholung",
      async fill(f) {
        await f.date("Wunschtermin", dayFromToday(10));
        await f.choose("Wo stellen Sie die Gegenstände bereit?", "Am Straßenrand vor dem Haus");
      },
    },
    {
      id: "erklaerung",
      title: "Erklärung",
      fill: (f) =>
        f.tick("Ich stelle die Gegenstände am Abholtag bis 6 Uhr so bereit, dass niemand behindert wird."),
    },
  ],
  review: {
    shows: ["Sofa oder Sessel", "Alter Kinderwagen", "Matratze", germanDate(dayFromToday(10)), "15,00 €"],
    change: {
      label: "Wunschtermin",
      stepId: "termin",
      fill: (f) => f.date("Wunschtermin", dayFromToday(12)),
      shows: [germanDate(dayFromToday(12))],
    },
  },
  receiptShows: "Alter Kinderwagen",
};

describeJourneys([dogTax, residentParking, bulkyWaste]);
