import type { PageKey } from "#modules/tenants/index.ts";

interface Municipality {
  officialName: string;
  street: string;
  postalCode: string;
  city: string;
  phone: string;
  email: string;
  dataProtectionEmail: string;
}

/** German legal texts of a demo municipality (demo wording; each town replaces them with its own). */
export function legalTexts(m: Municipality): { key: PageKey; lang: "de"; title: string; body: string }[] {
  const address = `${m.officialName}\n${m.street}\n${m.postalCode} ${m.city}`;
  return [
    {
      key: "impressum",
      lang: "de",
      title: "Impressum",
      body: `Angaben gemäß § 5 Digitale-Dienste-Gesetz (DDG)

${address}

${m.officialName} ist eine Körperschaft des öffentlichen Rechts. Sie wird vertreten durch den Magistrat (§ 71 Hessische Gemeindeordnung), dieser durch den Bürgermeister.

Telefon: ${m.phone}
E-Mail: ${m.email}

Umsatzsteuer-Identifikationsnummer: wird auf Anfrage mitgeteilt.

Inhaltlich verantwortlich gemäß § 18 Abs. 2 Medienstaatsvertrag: der Magistrat, Presse- und Öffentlichkeitsarbeit, Anschrift wie oben.

Dies ist eine Demonstrationsinstallation. Die Angaben dienen der Veranschaulichung.`,
    },
    {
      key: "datenschutz",
      lang: "de",
      title: "Datenschutzerklärung",
      body: `Verantwortlich für die Verarbeitung personenbezogener Daten im Digitalen Rathaus ist:
${address}
E-Mail: ${m.email}

Die behördliche Datenschutzbeauftragte erreichen Sie unter ${m.dataProtectionEmail}.

Beim Aufruf dieser Seiten verarbeiten wir technisch notwendige Daten (IP-Adresse, Zeitpunkt, aufgerufene Adresse) zur sicheren Bereitstellung des Angebots (Art. 6 Abs. 1 lit. e DSGVO). Diese Protokolle werden nach spätestens sieben Tagen gelöscht.

Wir setzen nur technisch notwendige Cookies: eines speichert Ihre Sprachauswahl, eines schützt Formulare vor Missbrauch (CSRF-Schutz). Es findet kein Tracking statt, und es werden keine Inhalte von Dritten geladen.

Wenn Sie einen Antrag stellen, verarbeiten wir Ihre Angaben zur Erfüllung der jeweiligen gesetzlichen Aufgabe (Art. 6 Abs. 1 lit. c und e DSGVO). Welche Daten wir wofür benötigen, steht bei der jeweiligen Leistung.

Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung und Widerspruch (Art. 15 bis 21 DSGVO). Sie können sich bei der Aufsichtsbehörde beschweren: Der Hessische Beauftragte für Datenschutz und Informationsfreiheit, Postfach 3163, 65021 Wiesbaden.`,
    },
    {
      key: "barrierefreiheit",
      lang: "de",
      title: "Erklärung zur Barrierefreiheit",
      body: `${m.officialName} ist bemüht, ihr Digitales Rathaus im Einklang mit dem Hessischen Behinderten-Gleichstellungsgesetz (HessBGG) und der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich zu machen.

Stand der Vereinbarkeit mit den Anforderungen: Dieses Angebot soll die Anforderungen der WCAG 2.1 auf Stufe AA erfüllen. Jede Seite wird bei jeder Änderung automatisch mit axe-core geprüft. Eine Prüfung durch eine unabhängige Prüfstelle steht noch aus.

Die Erklärung wurde am 27.11.2026 erstellt.

Barrieren melden: Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Dann schreiben Sie uns an ${m.email} oder rufen Sie uns an unter ${m.phone}.

Durchsetzungsverfahren: Wenn Sie auf Ihre Meldung innerhalb von sechs Wochen keine zufriedenstellende Antwort erhalten, können Sie sich an die Durchsetzungs- und Ombudsstelle für barrierefreie Informationstechnik des Landes Hessen wenden.`,
    },
  ];
}
