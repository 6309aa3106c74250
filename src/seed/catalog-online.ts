import type { DefineService } from "./catalog.ts";

const gesetze = (path: string) => `https://www.gesetze-im-internet.de/${path}`;

/** The seven services that can be applied for online; their forms are named by the slug (form_key). */
export const onlineServices: DefineService[] = [
  (town) => ({
    slug: "hundesteuer-anmeldung",
    leikaKey: "99102013104000",
    name: "Hundesteuer – Anmeldung eines Hundes",
    nameEn: "Dog tax – registering a dog",
    summary: `Wer in ${town.name} einen Hund hält, muss ihn innerhalb von zwei Wochen zur Hundesteuer anmelden.`,
    summaryEn: `If you keep a dog in ${town.name}, you must register it for dog tax within two weeks.`,
    description: `Die Hundesteuer ist eine Gemeindesteuer. Melden Sie jeden Hund an, der älter als drei Monate ist und in Ihrem Haushalt lebt, auch wenn er nur zur Probe oder in Pflege bei Ihnen ist.

## So läuft es ab
1. Sie füllen den Online-Antrag aus und laden bei Bedarf Nachweise hoch.
2. Die Stadtkasse setzt die Steuer mit einem Bescheid fest.
3. Sie erhalten die Hundesteuermarke per Post. Der Hund muss sie außerhalb der Wohnung tragen.

Für Assistenz- und Blindenführhunde können Sie eine Befreiung beantragen.`,
    plainLanguage:
      "Sie haben einen Hund? Dann müssen Sie für den Hund Steuern zahlen. Melden Sie den Hund bei der Stadt an. Sie bekommen dann eine Hunde-Marke.",
    keywords: "Hund Hundemarke Hundesteuermarke Welpe Haustier anmelden",
    lifeSituations: ["hund-haustier", "umzug"],
    categories: ["steuern-abgaben"],
    office: "stadtkasse",
    fees: "Die Anmeldung ist gebührenfrei. Hundesteuer im Jahr: 72,00 € für den ersten Hund, 108,00 € für jeden weiteren, 600,00 € für einen gefährlichen Hund.",
    documents: [
      "Angaben zum Hund (Rasse, Wurftag, Beginn der Haltung)",
      "bei Befreiung: Nachweis über die Ausbildung als Assistenzhund",
      "bei einem gefährlichen Hund: Erlaubnis nach der Hessischen Hundeverordnung",
    ],
    legalBases: [
      { title: "Gesetz über kommunale Abgaben (KAG) Hessen, § 7", url: "" },
      { title: `Hundesteuersatzung der ${town.officialName}`, url: "" },
    ],
    processingTime: "etwa 2 Wochen",
    fullyOnline: true,
    formKey: "hundesteuer-anmeldung",
    popularity: 90,
  }),
  (town) => ({
    slug: "bewohnerparkausweis",
    leikaKey: "99108001001000",
    name: "Bewohnerparkausweis beantragen",
    nameEn: "Residents' parking permit",
    summary: `Mit dem Bewohnerparkausweis parken Sie in den Bewohnerparkzonen von ${town.name} ohne Parkschein.`,
    summaryEn: `With a residents' parking permit you can park in the residents' zones of ${town.name} without a ticket.`,
    description: `Den Ausweis erhalten Personen, die in einer Bewohnerparkzone mit Haupt- oder Nebenwohnung gemeldet sind und ein Fahrzeug auf sich zugelassen haben oder dauerhaft nutzen.

Der Ausweis gilt ein Jahr und nur in der Zone, in der Sie wohnen. Pro Person wird ein Ausweis ausgestellt.`,
    plainLanguage:
      "Sie wohnen in einer Straße mit Bewohner-Parken? Dann können Sie einen Park-Ausweis bekommen. Mit dem Ausweis parken Sie dort ohne Park-Schein.",
    keywords: "Parken Anwohnerparken Parkausweis Auto Parkzone Anwohner",
    lifeSituations: ["auto-verkehr", "umzug"],
    categories: ["ordnung-verkehr"],
    office: "ordnungsamt",
    fees: "30,00 € für ein Jahr. Sie bezahlen die Gebühr online, bevor der Antrag abgeschickt wird.",
    paymentPolicy: "before_submission",
    feeLegalBasis: `Gebührensatzung für das Bewohnerparken der ${town.officialName}`,
    documents: [
      "Fahrzeugschein (Zulassungsbescheinigung Teil I)",
      "bei einem Firmen- oder Leihwagen: Bestätigung des Halters, dass Sie das Fahrzeug dauerhaft nutzen",
    ],
    legalBases: [
      {
        title: "Straßenverkehrsordnung (StVO), § 45 Absatz 1b Nummer 2a",
        url: gesetze("stvo_2013/__45.html"),
      },
      { title: `Gebührensatzung für das Bewohnerparken der ${town.officialName}`, url: "" },
    ],
    processingTime: "etwa 1 Woche",
    fullyOnline: true,
    formKey: "bewohnerparkausweis",
    popularity: 70,
  }),
  (town) => ({
    slug: "sperrmuell-anmeldung",
    name: "Sperrmüll – Abholung anmelden",
    nameEn: "Bulky waste – booking a collection",
    summary:
      "Melden Sie Möbel und andere große Gegenstände zur Abholung an. Zweimal im Jahr ist die Abholung kostenlos.",
    summaryEn:
      "Book the collection of furniture and other large items. Two collections a year are free of charge.",
    description: `Sperrmüll sind Gegenstände aus dem Haushalt, die wegen ihrer Größe nicht in die Restmülltonne passen, zum Beispiel Schränke, Sofas, Matratzen oder Teppiche.

**Nicht zum Sperrmüll gehören:** Elektrogeräte, Bauschutt, Autoreifen, Farben und Sonderabfälle.

Nach der Anmeldung teilen wir Ihnen den Abholtermin mit. Stellen Sie die Gegenstände am Vorabend gut sichtbar an den Straßenrand.`,
    plainLanguage:
      "Sie haben alte Möbel? Dann können Sie Sperr-Müll anmelden. Die Stadt holt die Möbel bei Ihnen ab. Zwei Mal im Jahr kostet das nichts.",
    keywords: "Sperrmüll Möbel Müll Abfall Entsorgung Matratze Sofa Schrank",
    lifeSituations: ["abfall-umwelt", "umzug"],
    categories: ["umwelt"],
    office: "bauamt",
    fees: "Zwei Gegenstände je Abholung sind gebührenfrei, jeder weitere kostet 15,00 €. Die Gebühr können Sie online bezahlen oder später überweisen.",
    paymentPolicy: "optional",
    feeLegalBasis: `Abfallgebührensatzung der ${town.officialName}`,
    documents: ["Liste der Gegenstände mit ungefährer Größe"],
    legalBases: [
      { title: "Kreislaufwirtschaftsgesetz (KrWG), § 20", url: gesetze("krwg/__20.html") },
      { title: `Abfallsatzung der ${town.officialName}`, url: "" },
    ],
    processingTime: "Abholung in der Regel innerhalb von 3 Wochen",
    fullyOnline: true,
    formKey: "sperrmuell-anmeldung",
    popularity: 85,
  }),
  (town) => ({
    slug: "gewerbeanmeldung",
    leikaKey: "99050012104000",
    name: "Gewerbe anmelden",
    nameEn: "Registering a business",
    summary: `Wer in ${town.name} ein Gewerbe beginnt, muss es beim Ordnungsamt anmelden (Gewerbeanzeige).`,
    summaryEn: `Anyone starting a trade or business in ${town.name} must register it with the public order office.`,
    description: `Die Anmeldung ist nötig, bevor Sie mit der gewerblichen Tätigkeit beginnen. Auch eine Zweigniederlassung oder eine unselbstständige Zweigstelle muss angemeldet werden.

Freie Berufe (zum Beispiel Ärztinnen, Rechtsanwälte, Künstlerinnen) sind keine Gewerbe und werden beim Finanzamt angezeigt.

Wir leiten Ihre Anmeldung an das Finanzamt, die Industrie- und Handelskammer oder Handwerkskammer, die Berufsgenossenschaft und weitere Stellen weiter.`,
    plainLanguage:
      "Sie wollen eine Firma gründen? Dann müssen Sie die Firma bei der Stadt anmelden. Das heißt: Gewerbe-Anmeldung. Das kostet Geld.",
    keywords: "Gewerbeschein Gewerbeanzeige Firma Selbstständigkeit Existenzgründung Unternehmen",
    lifeSituations: ["unternehmen-gewerbe"],
    categories: ["wirtschaft"],
    office: "ordnungsamt",
    fees: "26,00 € für die Anmeldung, online zu bezahlen nach dem Absenden.",
    paymentPolicy: "with_submission",
    feeLegalBasis: `Verwaltungskostensatzung der ${town.officialName}`,
    documents: [
      "Personalausweis oder Reisepass",
      "bei erlaubnispflichtigen Gewerben: die Erlaubnis (zum Beispiel Gaststättenerlaubnis)",
      "bei Handwerksbetrieben: Eintragung in die Handwerksrolle",
      "bei einer GmbH oder UG: Auszug aus dem Handelsregister",
    ],
    legalBases: [{ title: "Gewerbeordnung (GewO), § 14", url: gesetze("gewo/__14.html") }],
    processingTime: "Die Bestätigung erhalten Sie in der Regel innerhalb von 3 Werktagen.",
    fullyOnline: true,
    formKey: "gewerbeanmeldung",
    popularity: 60,
  }),
  (town) => ({
    slug: "maengelmelder",
    name: "Mängelmelder: Schaden oder Mangel melden",
    nameEn: "Reporting a defect or damage",
    summary: `Schlagloch, defekte Straßenlaterne oder wilder Müll? Melden Sie Mängel im Stadtgebiet von ${town.name} mit Foto und Ort.`,
    summaryEn: `Pothole, broken street light or fly-tipping? Report defects in ${town.name} with a photo and the location.`,
    description: `Das Bauamt prüft Ihre Meldung und beauftragt die Reparatur. Geben Sie den Ort so genau wie möglich an, zum Beispiel Straße und Hausnummer oder einen markanten Punkt.

Bei Gefahr für Leib und Leben rufen Sie bitte sofort die Polizei (110) oder die Feuerwehr (112).`,
    plainLanguage:
      "Sie sehen etwas Kaputtes in der Stadt? Zum Beispiel ein Loch in der Straße? Dann sagen Sie es der Stadt. Machen Sie ein Foto davon.",
    keywords: "Schlagloch Straßenlaterne Laterne Müll Schaden Mangel melden Spielplatz Beschädigung",
    lifeSituations: ["auto-verkehr", "abfall-umwelt"],
    categories: ["ordnung-verkehr", "umwelt"],
    office: "bauamt",
    fees: "Keine.",
    documents: ["ein Foto des Mangels (freiwillig)"],
    legalBases: [{ title: "Hessisches Straßengesetz (HStrG), § 9 (Straßenbaulast)", url: "" }],
    processingTime: "Eingangsbestätigung sofort; Bearbeitung je nach Dringlichkeit",
    fullyOnline: true,
    formKey: "maengelmelder",
    popularity: 75,
  }),
  (town) => ({
    slug: "sondernutzung-verkehrsflaechen",
    name: "Antrag auf Sondernutzung öffentlicher Verkehrsflächen",
    nameEn: "Permit for special use of public roads and pavements",
    summary:
      "Für Gerüste, Container, Baustelleneinrichtungen, Verkaufsstände oder Tische vor dem Café auf Gehweg oder Straße brauchen Sie eine Sondernutzungserlaubnis.",
    summaryEn:
      "Scaffolding, skips, site equipment, stalls or café tables on pavements or roads need a special use permit.",
    description: `Öffentliche Straßen, Wege und Plätze dienen dem Verkehr. Wer sie darüber hinaus nutzt, braucht eine Erlaubnis der ${town.officialName}.

Stellen Sie den Antrag **mindestens zwei Wochen** vor Beginn. Geben Sie Ort, Fläche und Zeitraum an und fügen Sie eine Skizze oder einen Lageplan bei. Die Gebühr richtet sich nach der Fläche und der Zahl der Tage.`,
    plainLanguage:
      "Sie wollen etwas auf die Straße oder den Geh-Weg stellen? Zum Beispiel einen Container? Dann brauchen Sie eine Erlaubnis von der Stadt.",
    keywords: "Gerüst Container Baustelle Gehweg Straße Außengastronomie Stand Sondernutzungserlaubnis",
    lifeSituations: ["bauen-grundstueck", "unternehmen-gewerbe", "veranstaltungen-feste"],
    categories: ["ordnung-verkehr"],
    office: "ordnungsamt",
    // One service, configured differently per municipality: Neu-Anspach sets this fee with the permit
    // (the clerk bills it after the decision), Usingen charges the calculated fee with the application.
    ...(town.slug === "neu-anspach"
      ? {
          fees: "1,50 € je Quadratmeter und Tag (Gerüst, Container, Baustelle, Außengastronomie) oder 10,00 € je Tag, mindestens 25,00 €. Das Ordnungsamt setzt die Gebühr mit der Erlaubnis fest; Sie bezahlen sie dann online in „Mein Rathaus“.",
          paymentPolicy: "billed_later" as const,
        }
      : {
          fees: "1,50 € je Quadratmeter und Tag (Gerüst, Container, Baustelle, Außengastronomie) oder 10,00 € je Tag, mindestens 25,00 €. Online zu bezahlen nach dem Absenden.",
          paymentPolicy: "with_submission" as const,
        }),
    feeLegalBasis: `Sondernutzungssatzung der ${town.officialName}`,
    documents: ["Lageplan oder Skizze der genutzten Fläche", "bei Gerüsten: Name der ausführenden Firma"],
    legalBases: [
      { title: "Hessisches Straßengesetz (HStrG), § 16", url: "" },
      { title: `Sondernutzungssatzung der ${town.officialName}`, url: "" },
    ],
    processingTime: "etwa 2 Wochen",
    fullyOnline: true,
    formKey: "sondernutzung-verkehrsflaechen",
    popularity: 40,
  }),
  (town) => ({
    slug: "meldebescheinigung",
    leikaKey: "99115003012000",
    name: "Meldebescheinigung beantragen",
    nameEn: "Certificate of registration",
    summary: `Die Meldebescheinigung bestätigt, dass und seit wann Sie in ${town.name} gemeldet sind.`,
    summaryEn: `The certificate confirms that, and since when, you are registered as living in ${town.name}.`,
    description: `Eine einfache Meldebescheinigung enthält Namen, Geburtsdatum und Anschrift. Eine erweiterte Meldebescheinigung enthält weitere Daten, zum Beispiel frühere Anschriften.

Online beantragen Sie die Bescheinigung mit Ihrem Online-Ausweis: Name, Geburtsdatum und Anschrift kommen dann aus Ihrem Ausweis. Sie erhalten die Bescheinigung per Post an Ihre Meldeanschrift oder als PDF per E-Mail. Im Bürgerbüro erhalten Sie sie sofort.`,
    plainLanguage:
      "Sie brauchen eine Bestätigung, wo Sie wohnen? Die bekommen Sie im Bürger-Büro. Oder Sie beantragen sie online mit Ihrem Ausweis.",
    keywords: "Wohnsitzbescheinigung Aufenthaltsbescheinigung Meldebestätigung Online-Ausweis",
    lifeSituations: ["umzug"],
    categories: ["buergerservice"],
    office: "buergerbuero",
    fees: "Einfache Meldebescheinigung 10,00 €, erweiterte Meldebescheinigung 15,00 €. Online bezahlen Sie vor dem Absenden.",
    paymentPolicy: "before_submission",
    feeLegalBasis: `Verwaltungskostensatzung der ${town.officialName}`,
    documents: [
      "für den Online-Antrag: Ihr Online-Ausweis (Personalausweis mit PIN) oder ein anderer Zugang mit dem Vertrauensniveau „substantiell“",
      "im Bürgerbüro: Personalausweis oder Reisepass",
    ],
    legalBases: [{ title: "Bundesmeldegesetz (BMG), § 18", url: gesetze("bmg/__18.html") }],
    processingTime: "online etwa 3 Arbeitstage, im Bürgerbüro sofort",
    fullyOnline: true,
    formKey: "meldebescheinigung",
    popularity: 50,
  }),
];
