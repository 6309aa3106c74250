import { defineMessages } from "#core/i18n/messages.ts";

export const tenantMessages = defineMessages(
  {
    siteName: "Digitales Rathaus {name}",
    landingTitle: "Digitales Rathaus",
    landingIntro:
      "Erledigen Sie Behördengänge online, von zu Hause und zu jeder Zeit. Wählen Sie Ihre Stadt oder Gemeinde:",
    landingListLabel: "Städte und Gemeinden",
    landingEmpty: "Es ist noch keine Kommune eingerichtet.",
    landingMyTownHall: "Mein Rathaus",
    landingMyTownHallText: "Den Stand Ihrer Anträge sehen Sie an einem Ort, mit Ihrem Konto:",
    landingMyTownHallLink: "Anträge bei allen Kommunen",
    impressum: "Impressum",
    datenschutz: "Datenschutzerklärung",
    barrierefreiheit: "Erklärung zur Barrierefreiheit",
    pageMissing:
      "Dieser Text wurde von der Kommune noch nicht hinterlegt. Bitte wenden Sie sich an: {contact}",
    onlyGerman: "Dieser Text liegt nur auf Deutsch vor.",
    operatorFooter: "Digitales Rathaus – Open-Source-Plattform für Kommunen",
  },
  {
    siteName: "Digital Town Hall {name}",
    landingTitle: "Digital Town Hall",
    landingIntro:
      "Deal with the authorities online, from home, at any time. Choose your town or municipality:",
    landingListLabel: "Towns and municipalities",
    landingEmpty: "No municipality has been set up yet.",
    landingMyTownHall: "My town hall",
    landingMyTownHallText: "See the progress of your applications in one place, with your account:",
    landingMyTownHallLink: "Applications at all municipalities",
    impressum: "Legal notice (Impressum)",
    datenschutz: "Privacy policy",
    barrierefreiheit: "Accessibility statement",
    pageMissing: "The municipality has not provided this text yet. Please contact: {contact}",
    onlyGerman: "This text is only available in German.",
    operatorFooter: "Digital Town Hall – open-source platform for municipalities",
  },
);
