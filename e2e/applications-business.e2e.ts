import {
  aboutMe,
  dayFromToday,
  erika,
  germanDate,
  notAPicture,
  png,
  truthfully,
} from "./support/application-fill.ts";
import { describeJourneys, type ServiceScript } from "./support/application-journey.ts";

/**
 * Online applications about trade and public space, in Chromium, with and without JavaScript:
 * Gewerbeanmeldung (signed in; the long form), Mängelmelder and Sondernutzung (guests). Each starts at the
 * Usingen home, searches, opens the service, answers every step (wrong answers and a refused upload first),
 * changes an answer from the review page, sends, reads the confirmation, the receipt mail with its PDF,
 * and finds the application in Mein Rathaus or on the status page. Every page passes axe and shows no
 * console error or CSP violation.
 */

const business: ServiceScript = {
  slug: "gewerbeanmeldung",
  name: "Gewerbe anmelden",
  query: "Gewerbe",
  signedIn: true,
  steps: [
    {
      id: "person",
      title: "Angaben zur Person",
      wrong: {
        async fill(f) {
          await f.text("Vorname", erika.givenName);
          await f.text("Nachname", erika.familyName);
          await f.date("Geburtsdatum", dayFromToday(-365));
          await f.text("Geburtsort", "Frankfurt am Main");
          await f.choose("Staatsangehörigkeit", "Deutsch");
        },
        errors: [
          [
            `Geben Sie bei „Geburtsdatum“ ein Datum bis zum ${germanDate(dayFromToday(-5844))} an`,
            "field-birthdate",
          ],
        ],
      },
      fill: (f) => f.date("Geburtsdatum", "1985-03-27"),
    },
    {
      id: "kontakt",
      title: "Wohnanschrift und Kontakt",
      async fill(f) {
        await f.address("Ihre Anschrift", erika.address);
        await f.text("Telefonnummer für Rückfragen", erika.phone);
      },
    },
    {
      id: "betrieb",
      title: "Angaben zum Betrieb",
      async fill(f) {
        await f.select("Rechtsform", "Einzelunternehmen (nicht im Handelsregister)");
        await f.text("Name des Betriebs (Firma)", "Radhaus Usingen");
        await f.text("Beschäftigte in Vollzeit", "0");
        await f.text("Beschäftigte in Teilzeit", "1");
      },
    },
    {
      id: "betriebsstaette",
      title: "Betriebsstätte",
      async fill(f) {
        await f.address("Anschrift der Betriebsstätte", { ...erika.address, street: "Marktplatz 3" });
        await f.choose("Art der Betriebsstätte", "Hauptniederlassung");
      },
    },
    {
      id: "taetigkeit",
      title: "Tätigkeit",
      async fill(f) {
        await f.text("Angemeldete Tätigkeit", "Einzelhandel mit Fahrrädern und Zubehör");
        await f.select("Wirtschaftsbereich", "Handel");
        await f.choose("Braucht die Tätigkeit eine Erlaubnis?", "Nein");
      },
    },
    {
      id: "beginn",
      title: "Beginn",
      async fill(f) {
        await f.date("Beginn der Tätigkeit", dayFromToday(14));
        await f.choose("Grund der Anmeldung", "Neugründung");
      },
    },
    {
      id: "nachweise",
      title: "Nachweise",
      wrong: { fill: async () => {}, errors: [["Laden Sie „Personalausweis“ hoch", "field-idDocument"]] },
      fill: (f) => f.upload("Personalausweis oder Reisepass", png("personalausweis.png")),
    },
    { id: "erklaerung", title: "Erklärung", fill: truthfully },
  ],
  review: {
    shows: [
      "Radhaus Usingen",
      "Marktplatz 3",
      "Einzelhandel mit Fahrrädern und Zubehör",
      "personalausweis.png",
    ],
    change: {
      label: "Beginn der Tätigkeit",
      stepId: "beginn",
      fill: (f) => f.date("Beginn der Tätigkeit", dayFromToday(21)),
      shows: [germanDate(dayFromToday(21)), "26,00 €"],
    },
  },
  receiptShows: "Radhaus Usingen",
};

const defects: ServiceScript = {
  slug: "maengelmelder",
  name: "Mängelmelder: Schaden oder Mangel melden",
  query: "Schlagloch",
  signedIn: false,
  steps: [
    {
      id: "mangel",
      title: "Was möchten Sie melden?",
      wrong: {
        async fill(f) {
          await f.choose("Art des Mangels", "Straße oder Gehweg beschädigt");
          await f.text("Beschreibung", "Loch");
          await f.choose("Wie können Sie den Ort angeben?", "Mit einer Adresse");
        },
        errors: [["„Beschreibung“ muss mindestens 10 Zeichen lang sein", "field-description"]],
      },
      fill: (f) => f.text("Beschreibung", "Tiefes Schlagloch auf dem Radweg"),
    },
    {
      id: "ort",
      title: "Wo ist der Mangel?",
      fill: (f) => f.address("Adresse des Mangels", { ...erika.address, street: "Weilburger Straße 3" }),
    },
    {
      id: "foto",
      title: "Foto",
      wrong: {
        fill: (f) => f.upload("Foto des Mangels", notAPicture("schlagloch.png")),
        errors: [
          [
            "Die Datei „schlagloch.png“ ist dem Inhalt nach keine PNG-Datei: Laden Sie eine echte Datei in einem dieser Formate hoch: JPEG oder PNG",
            "field-photo",
          ],
        ],
      },
      fill: (f) => f.upload("Foto des Mangels", png("schlagloch.png")),
    },
    {
      id: "rueckmeldung",
      title: "Rückmeldung",
      fill: (f) => f.choose("Möchten Sie erfahren, wenn der Mangel behoben ist?", "Nein"),
    },
  ],
  review: {
    shows: ["Straße oder Gehweg beschädigt", "Weilburger Straße 3", "schlagloch.png"],
    change: {
      label: "Foto des Mangels",
      stepId: "foto",
      fill: (f) => f.upload("Foto des Mangels", png("schlagloch-nah.png")),
      shows: ["schlagloch.png", "schlagloch-nah.png"],
    },
    asksEmail: true,
  },
  receiptShows: "Weilburger Straße 3",
};

const specialUse: ServiceScript = {
  slug: "sondernutzung-verkehrsflaechen",
  name: "Antrag auf Sondernutzung öffentlicher Verkehrsflächen",
  query: "Sondernutzung",
  signedIn: false,
  steps: [
    {
      id: "antragsteller",
      title: "Antragstellerin oder Antragsteller",
      wrong: {
        async fill(f) {
          await f.choose("Sie stellen den Antrag", "für ein Unternehmen");
          await aboutMe(f);
        },
        errors: [["Geben Sie „Name des Unternehmens“ an", "field-company"]],
      },
      fill: (f) => f.choose("Sie stellen den Antrag", "als Privatperson"),
    },
    {
      id: "nutzung",
      title: "Art der Nutzung",
      async fill(f) {
        await f.choose("Wofür möchten Sie die Fläche nutzen?", "Umzug (Halteverbotszone)");
        await f.text("Beschreiben Sie das Vorhaben", "Umzugswagen mit 7,5 t, zwei Parkplätze");
      },
    },
    {
      id: "ort",
      title: "Ort",
      async fill(f) {
        await f.address("Adresse", erika.address);
        await f.text("Genaue Lage", "Vor Hausnummer 7");
      },
    },
    {
      id: "zeitraum",
      title: "Zeitraum",
      wrong: {
        async fill(f) {
          await f.date("Von", dayFromToday(20));
          await f.date("Bis", dayFromToday(19));
        },
        errors: [[`Geben Sie bei „Bis“ ein Datum ab dem ${germanDate(dayFromToday(20))} an`, "field-toDate"]],
      },
      fill: (f) => f.date("Bis", dayFromToday(22)),
    },
    {
      id: "unterlagen",
      title: "Unterlagen",
      fill: (f) => f.upload("Lageplan", png("lageplan.png")),
    },
    {
      id: "erklaerung",
      title: "Erklärung",
      fill: (f) =>
        f.tick("Ich sichere die Fläche während der Nutzung ab und stelle sie danach sauber wieder her."),
    },
  ],
  review: {
    shows: ["Umzug (Halteverbotszone)", "Vor Hausnummer 7", "lageplan.png", "30,00 €"],
    change: {
      label: "Bis",
      stepId: "zeitraum",
      fill: (f) => f.date("Bis", dayFromToday(24)),
      shows: [germanDate(dayFromToday(24)), "50,00 €"],
    },
  },
  receiptShows: "Umzug (Halteverbotszone)",
};

describeJourneys([business, defects, specialUse]);
