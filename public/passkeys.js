// Passkey ceremonies on the sign-in page and the passkeys page. The server renders every control hidden; this
// script reveals them only where the browser supports WebAuthn, so without JavaScript the pages stay as they are.
import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
} from "/assets/vendor/simplewebauthn-browser/index.js";

/** A refusal from the server, with its localized explanation (RFC 9457 `detail`) when it sent one. */
class Refusal extends Error {}

async function postJson(url, csrfToken, body) {
  const response = await fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json", accept: "application/json", "x-csrf-token": csrfToken },
    body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new Refusal(typeof answer.detail === "string" ? answer.detail : "");
  return answer;
}

/** What to tell the person, in the page's language: the server's words, or one of the texts for the browser's errors. */
function messageFor(error, messages) {
  if (error instanceof Refusal) return error.message || messages.msgFailed;
  switch (error?.name) {
    case "NotAllowedError":
    case "AbortError":
      return messages.msgCancelled;
    case "InvalidStateError":
      return messages.msgAlreadyRegistered;
    case "NotSupportedError":
    case "SecurityError":
      return messages.msgUnsupported;
    default:
      return messages.msgFailed;
  }
}

function showProblem(feedback, text) {
  const alert = document.createElement("div");
  alert.className = "kern-alert kern-alert--danger";
  const body = document.createElement("div");
  body.className = "kern-alert__body";
  const paragraph = document.createElement("p");
  paragraph.className = "kern-body";
  paragraph.textContent = text;
  body.append(paragraph);
  alert.append(body);
  feedback.replaceChildren(alert);
}

/** Runs one ceremony: options from the server, the device's answer, the server's verdict, then its next page. */
async function run(root, extra, ceremony) {
  const { optionsUrl, verifyUrl, csrf } = root.dataset;
  const feedback = root.querySelector("[data-passkey-feedback]");
  feedback.replaceChildren();
  try {
    const { options } = await postJson(optionsUrl, csrf, extra);
    const response = await ceremony({ optionsJSON: options });
    const { redirect } = await postJson(verifyUrl, csrf, { ...extra, response });
    window.location.assign(redirect);
  } catch (error) {
    showProblem(feedback, messageFor(error, root.dataset));
  }
}

function setUp(root) {
  root.hidden = false;
  if (root.dataset.passkey === "sign-in") {
    const button = root.querySelector("button");
    button.addEventListener("click", async () => {
      button.disabled = true;
      await run(root, {}, startAuthentication);
      button.disabled = false;
    });
  } else {
    const form = root.querySelector("form");
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const submit = form.querySelector("button");
      submit.disabled = true;
      await run(root, { name: form.elements.name.value }, startRegistration);
      submit.disabled = false;
    });
  }
}

if (browserSupportsWebAuthn()) {
  for (const note of document.querySelectorAll("[data-passkey-unsupported]")) note.hidden = true;
  for (const root of document.querySelectorAll("[data-passkey]")) setUp(root);
}
