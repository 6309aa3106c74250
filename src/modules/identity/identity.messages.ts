import { defineMessages } from "#core/i18n/messages.ts";

export const identityMessages = defineMessages(
  {
    emailLabel: "E-Mail-Adresse",
    emailHint: "Zum Beispiel name@beispiel.de",
    passwordLabel: "Passwort",
    newPasswordLabel: "Neues Passwort",
    passwordHint: "Mindestens 12 Zeichen. Ein Satz aus mehreren Wörtern ist leicht zu merken und sicher.",
    emailMissing: "Geben Sie Ihre E-Mail-Adresse ein",
    emailInvalid: "Geben Sie eine E-Mail-Adresse im richtigen Format ein, zum Beispiel name@beispiel.de",
    passwordMissing: "Geben Sie ein Passwort ein",
    passwordTooShort: "Ihr Passwort muss mindestens 12 Zeichen lang sein",
    passwordTooLong: "Ihr Passwort darf höchstens 256 Zeichen lang sein",
    passwordTooCommon:
      "Dieses Passwort wird sehr häufig verwendet und ist leicht zu erraten. Wählen Sie ein anderes",
    passwordContainsEmail: "Ihr Passwort darf Ihre E-Mail-Adresse nicht enthalten",
    loginFailed: "E-Mail-Adresse oder Passwort ist falsch",
    registerTitle: "Konto erstellen",
    registerIntro:
      "Mit einem Konto können Sie Anträge speichern, später fortsetzen und den Bearbeitungsstand verfolgen. Ihr Konto gilt für alle Kommunen dieses Digitalen Rathauses.",
    registerSubmit: "Konto erstellen",
    registerSentTitle: "Prüfen Sie Ihr E-Mail-Postfach",
    registerSentText:
      "Wir haben eine E-Mail an {email} geschickt. Öffnen Sie den Link darin, um Ihre E-Mail-Adresse zu bestätigen. Der Link ist 24 Stunden gültig.",
    loginTitle: "Anmelden",
    loginSubmit: "Anmelden",
    loginNoAccount: "Sie haben noch kein Konto?",
    loginForgot: "Passwort vergessen?",
    unverifiedTitle: "Bestätigen Sie zuerst Ihre E-Mail-Adresse",
    unverifiedText:
      "Ihr Konto ist noch nicht bestätigt. Wir haben Ihnen eine neue E-Mail mit einem Bestätigungslink an {email} geschickt.",
    verifiedTitle: "E-Mail-Adresse bestätigt",
    verifiedText: "Vielen Dank. Ihr Konto ist jetzt aktiv und Sie können sich anmelden.",
    linkInvalidTitle: "Dieser Link ist nicht mehr gültig",
    linkInvalidText:
      "Der Link ist abgelaufen, wurde bereits verwendet oder ist unvollständig. Fordern Sie bei Bedarf einen neuen Link an.",
    logoutTitle: "Sie sind abgemeldet",
    logoutText: "Sie wurden erfolgreich abgemeldet.",
    logoutSubmit: "Abmelden",
    accountTitle: "Mein Konto",
    signedInAs: "Angemeldet als {email}",
    forgotTitle: "Passwort vergessen",
    forgotIntro:
      "Geben Sie die E-Mail-Adresse Ihres Kontos ein. Wir schicken Ihnen einen Link, mit dem Sie ein neues Passwort festlegen können.",
    forgotSubmit: "Link anfordern",
    forgotSentTitle: "Prüfen Sie Ihr E-Mail-Postfach",
    forgotSentText:
      "Wenn zu {email} ein Konto besteht, haben wir dorthin einen Link zum Zurücksetzen des Passworts geschickt. Der Link ist eine Stunde gültig.",
    resetTitle: "Neues Passwort festlegen",
    resetSubmit: "Passwort speichern",
    resetDoneTitle: "Passwort geändert",
    resetDoneText:
      "Ihr neues Passwort ist gespeichert. Aus Sicherheitsgründen wurden Sie auf allen Geräten abgemeldet.",
    toLogin: "Zur Anmeldung",
    tooManyAttempts:
      "Zu viele Anmeldeversuche. Bitte warten Sie {minutes} Minuten und versuchen Sie es dann erneut.",
    mailVerifySubject: "Bestätigen Sie Ihre E-Mail-Adresse",
    mailVerifyHeading: "Willkommen im Digitalen Rathaus",
    mailVerifyText:
      "Sie haben ein Konto mit dieser E-Mail-Adresse erstellt. Bitte bestätigen Sie Ihre Adresse mit dem folgenden Link. Er ist 24 Stunden gültig.",
    mailVerifyAction: "E-Mail-Adresse bestätigen",
    mailIgnore: "Wenn Sie das nicht waren, können Sie diese E-Mail ignorieren.",
    mailExistsSubject: "Sie haben bereits ein Konto",
    mailExistsText:
      "Jemand wollte mit dieser E-Mail-Adresse ein neues Konto erstellen. Sie haben bereits ein Konto. Melden Sie sich an oder setzen Sie Ihr Passwort zurück.",
    mailExistsAction: "Passwort zurücksetzen",
    mailResetSubject: "Passwort zurücksetzen",
    mailResetText:
      "Sie haben angefordert, Ihr Passwort zurückzusetzen. Mit dem folgenden Link legen Sie ein neues Passwort fest. Er ist eine Stunde gültig.",
    mailResetAction: "Neues Passwort festlegen",
  },
  {
    emailLabel: "Email address",
    emailHint: "For example name@example.com",
    passwordLabel: "Password",
    newPasswordLabel: "New password",
    passwordHint: "At least 12 characters. A sentence of several words is easy to remember and secure.",
    emailMissing: "Enter your email address",
    emailInvalid: "Enter an email address in the correct format, like name@example.com",
    passwordMissing: "Enter a password",
    passwordTooShort: "Your password must be at least 12 characters long",
    passwordTooLong: "Your password must be 256 characters or fewer",
    passwordTooCommon: "This password is used very often and is easy to guess. Choose a different one",
    passwordContainsEmail: "Your password must not contain your email address",
    loginFailed: "Email address or password is incorrect",
    registerTitle: "Create an account",
    registerIntro:
      "With an account you can save applications, continue them later and follow their progress. Your account works for every municipality of this Digital Town Hall.",
    registerSubmit: "Create account",
    registerSentTitle: "Check your email",
    registerSentText:
      "We have sent an email to {email}. Open the link in it to confirm your email address. The link is valid for 24 hours.",
    loginTitle: "Sign in",
    loginSubmit: "Sign in",
    loginNoAccount: "No account yet?",
    loginForgot: "Forgotten your password?",
    unverifiedTitle: "Confirm your email address first",
    unverifiedText:
      "Your account is not confirmed yet. We have sent a new email with a confirmation link to {email}.",
    verifiedTitle: "Email address confirmed",
    verifiedText: "Thank you. Your account is now active and you can sign in.",
    linkInvalidTitle: "This link is no longer valid",
    linkInvalidText:
      "The link has expired, has already been used or is incomplete. Request a new link if you need one.",
    logoutTitle: "You are signed out",
    logoutText: "You have been signed out.",
    logoutSubmit: "Sign out",
    accountTitle: "My account",
    signedInAs: "Signed in as {email}",
    forgotTitle: "Forgotten password",
    forgotIntro: "Enter the email address of your account. We will send you a link to set a new password.",
    forgotSubmit: "Request link",
    forgotSentTitle: "Check your email",
    forgotSentText:
      "If there is an account for {email}, we have sent a link to reset the password there. The link is valid for one hour.",
    resetTitle: "Set a new password",
    resetSubmit: "Save password",
    resetDoneTitle: "Password changed",
    resetDoneText:
      "Your new password has been saved. For your security you have been signed out on all devices.",
    toLogin: "Go to sign in",
    tooManyAttempts: "Too many sign-in attempts. Please wait {minutes} minutes and try again.",
    mailVerifySubject: "Confirm your email address",
    mailVerifyHeading: "Welcome to the Digital Town Hall",
    mailVerifyText:
      "You created an account with this email address. Please confirm your address with the link below. It is valid for 24 hours.",
    mailVerifyAction: "Confirm email address",
    mailIgnore: "If this was not you, you can ignore this email.",
    mailExistsSubject: "You already have an account",
    mailExistsText:
      "Someone tried to create a new account with this email address. You already have an account. Sign in or reset your password.",
    mailExistsAction: "Reset password",
    mailResetSubject: "Reset your password",
    mailResetText:
      "You asked to reset your password. Use the link below to set a new password. It is valid for one hour.",
    mailResetAction: "Set a new password",
  },
);
