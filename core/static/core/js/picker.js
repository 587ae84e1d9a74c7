// Pickers (core/pickers.py): type part of a name, pick a suggestion; the id goes in the hidden input.
// htmx asks the search endpoint while typing; this file sends the typed text as `q` and handles the pick.
document.addEventListener("htmx:configRequest", (event) => {
  const input = event.detail.elt;
  if (!input.matches || !input.matches("[data-picker-text]")) return;
  event.detail.parameters = { q: input.value };
});
function pickerOf(element) {
  return element.closest("[data-picker]");
}
function closeSuggestions(picker) {
  picker.querySelector(".picker-suggestions").replaceChildren();
  picker.querySelector("[data-picker-text]").setAttribute("aria-expanded", "false");
}
document.addEventListener("input", (event) => {
  if (!event.target.matches("[data-picker-text]")) return;
  // the typed text no longer names the picked row: the server looks the text up unless one is picked again
  const id = pickerOf(event.target).querySelector("[data-picker-id]");
  if (id) id.value = "";
});
document.addEventListener("htmx:afterSwap", (event) => {
  const list = event.detail.target;
  if (!list.classList || !list.classList.contains("picker-suggestions")) return;
  pickerOf(list).querySelector("[data-picker-text]").setAttribute("aria-expanded", list.children.length ? "true" : "false");
});
function addChosen(picker, pk, label) {
  // a multiple picker: the picked row becomes a ticked box (untick to drop it), once
  const boxes = Array.from(picker.querySelectorAll("[data-picker-chosen] input[type=checkbox]"));
  const known = boxes.find((box) => box.value === pk);
  if (known) {
    known.checked = true;
    return;
  }
  const box = document.createElement("input");
  box.type = "checkbox";
  box.name = picker.dataset.pickerName;
  box.value = pk;
  box.checked = true;
  const tag = document.createElement("label");
  tag.append(box, " ", label);
  const item = document.createElement("li");
  item.append(tag);
  picker.querySelector("[data-picker-chosen]").append(item);
}
document.addEventListener("click", (event) => {
  const option = event.target.closest && event.target.closest(".picker-option");
  if (!option) return;
  const picker = pickerOf(option);
  const text = picker.querySelector("[data-picker-text]");
  if (picker.hasAttribute("data-picker-multi")) {
    addChosen(picker, option.dataset.pick, option.dataset.label);
    text.value = "";
  } else {
    const id = picker.querySelector("[data-picker-id]");
    id.value = option.dataset.pick;
    text.value = option.dataset.label;
    // a filter form that refreshes on change (hx-trigger="change") refreshes on a pick too
    id.dispatchEvent(new Event("change", { bubbles: true }));
  }
  closeSuggestions(picker);
  text.focus();
});
document.addEventListener("keydown", (event) => {
  const picker = event.target.closest && event.target.closest("[data-picker]");
  if (!picker) return;
  const options = Array.from(picker.querySelectorAll(".picker-option"));
  const at = options.indexOf(event.target);
  if (event.key === "ArrowDown" && options.length) {
    event.preventDefault();
    options[Math.min(at + 1, options.length - 1)].focus();
  } else if (event.key === "ArrowUp" && at >= 0) {
    event.preventDefault();
    if (at === 0) picker.querySelector("[data-picker-text]").focus();
    else options[at - 1].focus();
  } else if (event.key === "Escape") {
    closeSuggestions(picker);
    picker.querySelector("[data-picker-text]").focus();
  } else if (event.key === "Enter" && event.target.matches("[data-picker-text]") && options.length === 1) {
    // one suggestion left: Enter picks it rather than sending the form
    event.preventDefault();
    options[0].click();
  }
});
