// Small behaviours without inline scripts (the content security policy forbids them).
document.addEventListener("submit", (event) => {
  const message = event.target.dataset.confirm;
  if (message && !window.confirm(message)) event.preventDefault();
});
document.addEventListener("change", (event) => {
  if (event.target.matches("[data-autosubmit]")) event.target.form.requestSubmit();
});
// A link to a folded section (the dashboard's contents and summary) opens it.
function openLinkedDetails() {
  const id = decodeURIComponent(window.location.hash.slice(1));
  const target = id && document.getElementById(id);
  if (!target) return;
  // the folds around the target, and the target's own fold (a section's body)
  for (let fold = target.closest("details"); fold; fold = fold.parentElement.closest("details")) fold.open = true;
  const own = target.querySelector(":scope > details");
  if (own) own.open = true;
}
window.addEventListener("hashchange", openLinkedDetails);
document.addEventListener("DOMContentLoaded", openLinkedDetails);
document.addEventListener("click", (event) => {
  const link = event.target.closest && event.target.closest('a[href^="#"]');
  if (link) window.setTimeout(openLinkedDetails, 0);
});
// A field's length limit is data-maxlength, not maxlength (which silently cuts pasted text): say the
// text is too long while typing, beside the field; the server refuses it with the same message.
function checkLength(field) {
  const max = Number(field.dataset.maxlength);
  const count = [...field.value].length;
  let note = field.nextElementSibling && field.nextElementSibling.matches(".too-long") ? field.nextElementSibling : null;
  if (count <= max) {
    if (note) note.remove();
    field.removeAttribute("aria-invalid");
    return;
  }
  if (!note) {
    note = document.createElement("p");
    note.className = "error too-long";
    note.setAttribute("role", "alert");
    field.after(note);
  }
  const template = document.querySelector('meta[name="too-long-message"]').content;
  note.textContent = template.replace("{max}", max).replace("{count}", count);
  field.setAttribute("aria-invalid", "true");
}
document.addEventListener("input", (event) => {
  if (event.target.matches && event.target.matches("[data-maxlength]")) checkLength(event.target);
});
// A file box speaks the page's language, not the browser's: Chromium set to English writes
// "Choose File / No file chosen" inside the native box, so a label drawn as a button and the chosen
// file's name, worded by the page (meta file-choose / file-none), stand beside the visually hidden
// box. The box keeps the keyboard focus (its ring is drawn on the label) and its own labels.
let fileBoxes = 0;
function dressFileInputs(root) {
  const choose = document.querySelector('meta[name="file-choose"]');
  const none = document.querySelector('meta[name="file-none"]');
  if (!choose || !none) return;
  for (const input of root.querySelectorAll('input[type="file"]:not([data-dressed])')) {
    input.dataset.dressed = "";
    if (!input.id) input.id = `file-box-${++fileBoxes}`;
    input.classList.add("file-native");
    const button = document.createElement("label");
    button.htmlFor = input.id;
    button.className = "btn btn-secondary btn-small file-button";
    button.textContent = choose.content;
    const chosen = document.createElement("span");
    chosen.className = "file-chosen muted small";
    chosen.setAttribute("aria-live", "polite");
    chosen.textContent = none.content;
    const box = document.createElement("span");
    box.className = "file-choice";
    input.after(box);
    box.append(input, button, chosen);
    input.addEventListener("change", () => {
      const names = [...input.files].map((file) => file.name);
      chosen.textContent = names.length ? names.join(", ") : none.content;
    });
  }
}
document.addEventListener("DOMContentLoaded", () => dressFileInputs(document));
document.addEventListener("htmx:load", (event) => dressFileInputs(event.target));
