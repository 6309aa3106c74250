import { describe, expect, it } from "vitest";
import {
  BackLink,
  Button,
  ButtonLink,
  Checkbox,
  CheckboxGroup,
  DateField,
  describedBy,
  ErrorSummary,
  errorFor,
  Form,
  fieldId,
  formPageTitle,
  optionId,
  PasswordField,
  RadioGroup,
  Select,
  TextArea,
  TextField,
} from "./index.ts";

const hostile = `"><script>alert(1)</script>`;
/** How the hostile string must appear, in an attribute value and as text alike: never as markup. */
const escaped = "&#34;>&lt;script>alert(1)&lt;/script>";

const render = async (element: JSX.Element): Promise<string> => await element;

/** The opening tag of the element with this id (for attributes without `>` in their values). */
function tagWithId(html: string, id: string): string {
  const match = html.match(new RegExp(`<[a-z]+\\b[^>]*\\bid="${id}"[^>]*>`));
  if (!match) throw new Error(`no element with id ${id} in ${html}`);
  return match[0];
}

/** The hostile string became no element anywhere in the output. */
const expectNoMarkupFrom = (html: string) => expect(html).not.toContain("<script");

describe("ids", () => {
  it("derives the same stable id for summary and field, safe for HTML and URLs", () => {
    expect(fieldId("email")).toBe("field-email");
    expect(fieldId("address.street")).toBe("field-address-street");
    expect(fieldId("items[0].name")).toBe("field-items-0-name");
    expect(fieldId('a"b <c>')).toBe("field-a-b-c");
    expect(fieldId("")).toBe("field");
    expect(optionId("field-x", 0)).toBe("field-x");
    expect(optionId("field-x", 2)).toBe("field-x-3");
    expect(describedBy(undefined, "", false, "a", "b")).toBe("a b");
    expect(describedBy(undefined, false)).toBeUndefined();
  });
});

describe("ErrorSummary", () => {
  it("renders nothing without errors", async () => {
    expect(await render(<ErrorSummary lang="de" errors={[]} />)).toBe("");
  });

  it("is a focused danger alert with a heading and one link per error to the field's id", async () => {
    const html = await render(
      <ErrorSummary
        lang="de"
        errors={[
          { field: "email", message: "Geben Sie Ihre E-Mail-Adresse an" },
          { field: "address.street", message: hostile },
        ]}
      />,
    );
    expect(html).toContain('class="kern-alert kern-alert--danger error-summary"');
    expect(html).toContain('role="alert"');
    expect(html).toContain('tabindex="-1"');
    expect(html).toContain(" autofocus");
    expect(html).toContain('<h2 class="kern-title" id="error-summary-title">Es gibt ein Problem</h2>');
    expect(html).toContain('href="#field-email">Geben Sie Ihre E-Mail-Adresse an</a>');
    expect(html).toContain(`href="#field-address-street">${escaped}</a>`);
    expectNoMarkupFrom(html);
  });

  it("speaks English", async () => {
    const html = await render(<ErrorSummary lang="en" errors={[{ field: "x", message: "Enter x" }]} />);
    expect(html).toContain(">There is a problem</h2>");
  });

  it("prefixes the page title while there are errors and finds a field's message", () => {
    const errors = [{ field: "name", message: "Geben Sie Ihren Namen an" }];
    expect(formPageTitle("de", "Anmelden", errors)).toBe("Fehler: Anmelden");
    expect(formPageTitle("en", "Sign in", errors)).toBe("Error: Sign in");
    expect(formPageTitle("de", "Anmelden", [])).toBe("Anmelden");
    expect(errorFor(errors, "name")).toBe("Geben Sie Ihren Namen an");
    expect(errorFor(errors, "email")).toBeUndefined();
  });
});

describe("Form", () => {
  it("posts to its action without browser validation and carries the CSRF token", async () => {
    const html = await render(
      <Form action="/usingen/anmelden" csrfToken={`tok${hostile}`} submitLabel="Weiter">
        <p>fields</p>
      </Form>,
    );
    expect(html).toMatch(
      /^<form method="post" action="\/usingen\/anmelden" class="kern-stack-lg form" novalidate>/,
    );
    expect(html).toContain(`<input type="hidden" name="_csrf" value="tok${escaped}"/>`);
    expect(html).toContain("<p>fields</p>");
    expect(html).toContain(
      '<button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">Weiter</span>',
    );
    expectNoMarkupFrom(html);
    expect(await render(<Form action="/a" csrfToken="t" />)).not.toContain("<button");
  });
});

describe("TextField", () => {
  it("links label, hint and error to the input and marks it invalid", async () => {
    const html = await render(
      <TextField
        lang="de"
        name="email"
        type="email"
        label="E-Mail"
        hint="Für Rückfragen"
        error="Geben Sie Ihre E-Mail-Adresse an"
        autocomplete="email"
        value="erika@"
      />,
    );
    expect(html).toContain('class="kern-form-input kern-form-input--error"');
    expect(html).toContain('<label class="kern-label" for="field-email"><span>E-Mail</span></label>');
    expect(html).toContain('<div class="kern-hint" id="field-email-hint">Für Rückfragen</div>');
    const input = tagWithId(html, "field-email");
    expect(input).toContain('class="kern-form-input__input kern-form-input__input--error"');
    expect(input).toContain('name="email"');
    expect(input).toContain('type="email"');
    expect(input).toContain('value="erika@"');
    expect(input).toContain('autocomplete="email"');
    expect(input).toContain('spellcheck="false"');
    expect(input).toContain('autocapitalize="none"');
    expect(input).toContain('aria-describedby="field-email-hint field-email-error"');
    expect(input).toContain('aria-invalid="true"');
    const error = tagWithId(html, "field-email-error");
    expect(error).toBe('<p class="kern-error" id="field-email-error">');
    expect(html).toContain(
      '<span class="kern-sr-only">Fehler: </span><span>Geben Sie Ihre E-Mail-Adresse an</span>',
    );
  });

  it("has no aria attributes without hint and error, and marks optional fields", async () => {
    const html = await render(<TextField lang="en" name="phone" type="tel" label="Phone" optional />);
    const input = tagWithId(html, "field-phone");
    expect(input).not.toContain("aria-");
    expect(input).not.toContain("value=");
    expect(input).not.toContain("spellcheck");
    expect(html).not.toContain("kern-error");
    expect(html).toContain('<span class="kern-label__optional">(optional)</span>');
  });

  it("only describes by the hint when there is no error", async () => {
    const html = await render(
      <TextField lang="de" name="plz" label="PLZ" hint="5 Ziffern" inputmode="numeric" width={4} />,
    );
    const input = tagWithId(html, "field-plz");
    expect(input).toContain('aria-describedby="field-plz-hint"');
    expect(input).toContain('inputmode="numeric"');
    expect(input).toContain("kern-form-input__input--width-4");
    expect(input).not.toContain("aria-invalid");
  });

  it("keeps hostile values, labels and errors as text, and entities as typed", async () => {
    const html = await render(
      <TextField
        lang="de"
        name="name"
        label={hostile}
        hint={hostile}
        error={hostile}
        value={`${hostile}&lt;`}
      />,
    );
    expect(html).toContain(`value="${escaped}&amp;lt;"`);
    expect(html).toContain(`<span>${escaped}</span></label>`);
    expect(html).toContain(`id="field-name-hint">${escaped}</div>`);
    expect(html).toContain(`<span class="kern-sr-only">Fehler: </span><span>${escaped}</span>`);
    expectNoMarkupFrom(html);
  });

  it("never sends a password back", async () => {
    const html = await render(
      <TextField lang="de" name="pw" type="password" label="Passwort" value="geheim" />,
    );
    expect(html).not.toContain("geheim");
    const field = await render(
      <PasswordField lang="de" name="pw" label="Passwort" autocomplete="new-password" error="Zu kurz" />,
    );
    const input = tagWithId(field, "field-pw");
    expect(input).toContain('type="password"');
    expect(input).toContain('autocomplete="new-password"');
    expect(input).toContain('spellcheck="false"');
    expect(input).toContain('aria-invalid="true"');
    expect(input).not.toContain("value=");
  });
});

describe("TextArea", () => {
  it("keeps the text escaped, including a leading newline", async () => {
    const html = await render(
      <TextArea
        lang="de"
        name="message"
        label="Anliegen"
        value={`\nZeile${hostile}`}
        rows={8}
        error="Beschreiben Sie Ihr Anliegen"
        autocomplete="off"
      />,
    );
    expect(html).toContain(`rows="8"`);
    expect(html).toContain('autocomplete="off"');
    expect(html).toContain('aria-describedby="field-message-error" aria-invalid="true"');
    expect(html).toContain(`>\n\nZeile${escaped}</textarea>`);
    expectNoMarkupFrom(html);
  });
});

describe("Checkbox", () => {
  it("is a single KERN check with its own error, checked when told", async () => {
    const html = await render(
      <Checkbox lang="de" name="consent" label={`Ich stimme zu ${hostile}`} checked error="Bestätigen Sie" />,
    );
    const input = tagWithId(html, "field-consent");
    expect(input).toContain('type="checkbox"');
    expect(input).toContain('value="yes"');
    expect(input).toContain(" checked");
    expect(input).toContain('aria-invalid="true"');
    expect(input).toContain('aria-describedby="field-consent-error"');
    expect(html).toContain('class="kern-form-check kern-form-check--error"');
    expectNoMarkupFrom(html);
    expect(
      tagWithId(await render(<Checkbox lang="de" name="c" label="C" value="ja" />), "field-c"),
    ).not.toContain("checked");
  });
});

const contactOptions = [
  { value: "email", label: "E-Mail" },
  { value: "phone", label: "Telefon", hint: "Werktags" },
  { value: hostile, label: hostile },
];

describe("RadioGroup", () => {
  it("is a fieldset with legend; options get stable ids, only the chosen one is checked", async () => {
    const html = await render(
      <RadioGroup
        lang="de"
        name="contact"
        label="Wie erreichen wir Sie?"
        hint="Eine Angabe"
        options={contactOptions}
        value="phone"
        error="Wählen Sie aus"
      />,
    );
    expect(html).toMatch(
      /^<fieldset class="kern-fieldset kern-fieldset--error" aria-describedby="field-contact-hint field-contact-error">/,
    );
    expect(html).toContain('<legend class="kern-label"><span>Wie erreichen wir Sie?</span></legend>');
    const [first, second] = [tagWithId(html, "field-contact"), tagWithId(html, "field-contact-2")];
    expect(first).toContain('type="radio"');
    expect(first).toContain('name="contact"');
    expect(first).not.toContain("checked");
    expect(first).not.toContain("aria-");
    expect(second).toContain(" checked");
    expect(second).toContain('aria-describedby="field-contact-2-hint"');
    expect(second).toContain("kern-form-check__radio--error");
    expect(html).toContain(`id="field-contact-3" name="contact" value="${escaped}"`);
    expect(html).toContain('id="field-contact-error"');
    expectNoMarkupFrom(html);
  });

  it("lays a few options side by side when inline", async () => {
    const html = await render(
      <RadioGroup lang="de" name="yn" label="Ja oder nein?" options={contactOptions.slice(0, 2)} inline />,
    );
    expect(html).toContain('class="kern-fieldset__body kern-fieldset__body--horizontal"');
    expect(html).not.toContain("checked");
    expect(html).toMatch(/^<fieldset class="kern-fieldset"><legend/);
  });
});

describe("CheckboxGroup", () => {
  it("checks every chosen value", async () => {
    const html = await render(
      <CheckboxGroup
        lang="de"
        name="topics"
        label="Themen"
        options={contactOptions}
        values={["email", hostile]}
      />,
    );
    expect(tagWithId(html, "field-topics")).toContain(" checked");
    expect(tagWithId(html, "field-topics-2")).not.toContain("checked");
    expect(html).toContain(`id="field-topics-3" name="topics" value="${escaped}" checked`);
    expect(html.match(/type="checkbox"/g)).toHaveLength(3);
  });
});

describe("Select", () => {
  const options = [
    { value: "a", label: "Usingen" },
    { value: hostile, label: hostile },
  ];

  it("starts with an empty placeholder that is chosen until something else is", async () => {
    const html = await render(
      <Select lang="de" name="district" label="Ortsteil" options={options} error="Wählen Sie aus" />,
    );
    expect(html).toContain('<option value="" selected>Bitte auswählen</option>');
    expect(html).toContain('<div class="kern-form-input__select-wrapper">');
    const select = tagWithId(html, "field-district");
    expect(select).toContain("kern-form-input__select--error");
    expect(select).toContain('aria-describedby="field-district-error"');
    expect(select).toContain('aria-invalid="true"');
    expect(html).toContain(`<option value="${escaped}">${escaped}</option>`);
    expectNoMarkupFrom(html);
  });

  it("selects the chosen option, and can go without placeholder", async () => {
    const chosen = await render(<Select lang="en" name="d" label="D" options={options} value="a" />);
    expect(chosen).toContain('<option value="">Please select</option>');
    expect(chosen).toContain('<option value="a" selected>Usingen</option>');
    const bare = await render(<Select lang="de" name="d" label="D" options={options} placeholder={false} />);
    expect(bare).not.toContain('value=""');
  });
});

describe("DateField", () => {
  it("is three labelled numeric inputs in a fieldset; the day input has the field's id", async () => {
    const html = await render(
      <DateField
        lang="de"
        name="birthDate"
        label="Geburtsdatum"
        hint="z. B. 27 3 1990"
        value={{ day: "31", month: hostile }}
        autocomplete="bday"
        error="Geben Sie ein echtes Datum an"
        errorParts={["day", "month"]}
      />,
    );
    expect(html).toMatch(
      /^<fieldset class="kern-fieldset date-input kern-fieldset--error" aria-describedby="field-birthDate-hint field-birthDate-error">/,
    );
    expect(html).toContain('<label class="kern-label" for="field-birthDate">Tag</label>');
    expect(html).toContain('<label class="kern-label" for="field-birthDate-month">Monat</label>');
    expect(html).toContain('<label class="kern-label" for="field-birthDate-year">Jahr</label>');
    const day = tagWithId(html, "field-birthDate");
    expect(day).toContain('name="birthDate-day"');
    expect(day).toContain('inputmode="numeric"');
    expect(day).toContain('value="31"');
    expect(day).toContain('autocomplete="bday-day"');
    expect(day).toContain('aria-invalid="true"');
    expect(html).toContain(`name="birthDate-month" type="text" inputmode="numeric" value="${escaped}"`);
    const year = tagWithId(html, "field-birthDate-year");
    expect(year).toContain("kern-form-input__input--width-4");
    expect(year).not.toContain("aria-invalid");
    expect(year).not.toContain("value=");
    expectNoMarkupFrom(html);
  });

  it("marks all three parts when the error names none, and speaks English", async () => {
    const html = await render(<DateField lang="en" name="d" label="Date" error="Enter a date" />);
    expect(html.match(/aria-invalid="true"/g)).toHaveLength(3);
    expect(html).toContain(">Day</label>");
    expect(html).toContain('<span class="kern-sr-only">Error: </span>');
    expect(html).not.toContain("autocomplete");
  });
});

describe("buttons and links", () => {
  it("renders KERN buttons with escaped labels", async () => {
    expect(await render(<Button label={hostile} variant="secondary" name="action" value="draft" />)).toBe(
      `<button class="kern-btn kern-btn--secondary" type="submit" name="action" value="draft"><span class="kern-label">${escaped}</span></button>`,
    );
    expect(await render(<ButtonLink href="/abbrechen" label="Abbrechen" />)).toBe(
      '<a class="kern-btn kern-btn--secondary" href="/abbrechen"><span class="kern-label">Abbrechen</span></a>',
    );
  });

  it("labels the back link in the page's language", async () => {
    const de = await render(<BackLink href="/usingen" lang="de" />);
    expect(de).toContain('<a class="kern-link back-link" href="/usingen">');
    expect(de).toContain('aria-hidden="true"');
    expect(de).toContain("<span>Zurück</span>");
    expect(await render(<BackLink href="/" lang="en" />)).toContain("<span>Back</span>");
    expect(await render(<BackLink href="/" lang="en" label="Change answers" />)).toContain(
      "<span>Change answers</span>",
    );
  });
});
