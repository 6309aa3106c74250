import { aboutMe, dayFromToday, erika, germanDate, png, truthfully } from "./support/application-fill.ts";
import { describeJourneys, type ServiceScript } from "./support/application-journey.ts";

/**
 * Online applications for a household, in Chromium, with and without JavaScript: Hundesteuer (signed in),
 * Bewohnerparkausweis and Sperrmüll (guests). Each starts at the Usingen home, searches, opens the service,
 * answers every step (wrong answers first), changes an answer from the review page, sends, reads the
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

const residentParking: ServiceScript = {
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
    shows: ["HG-AB 123", "fahrzeugschein.png", germanDate(dayFromToday(7)), "61,40 €"],
    change: {
      label: "Für wie lange beantragen Sie den Ausweis?",
      stepId: "laufzeit",
      fill: (f) => f.choose("Für wie lange beantragen Sie den Ausweis?", "1 Jahr (30,70 €)"),
      shows: ["1 Jahr (30,70 €)", "30,70 €"],
    },
  },
  receiptShows: "HG-AB 123",
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
