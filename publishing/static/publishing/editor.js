// A small toolbar for the article body (plain HTML in a textarea): wrap the selection in a tag,
// insert a link or one of the article's own images. No inline scripts (CSP).
(function () {
  const BUTTONS = [
    ["B", "<strong>", "</strong>"], ["I", "<em>", "</em>"], ["H", "<h3>", "</h3>"], ["¶", "<p>", "</p>"],
    ["“ ”", "<blockquote>", "</blockquote>"], ["• —", "<ul>\n  <li>", "</li>\n</ul>"],
  ];

  function wrap(area, before, after) {
    const start = area.selectionStart, end = area.selectionEnd;
    const text = area.value;
    area.value = text.slice(0, start) + before + text.slice(start, end) + after + text.slice(end);
    area.focus();
    area.selectionStart = start + before.length;
    area.selectionEnd = end + before.length;
  }

  function escapeAttribute(value) {
    return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("textarea.rich-text").forEach((area) => {
      const bar = document.createElement("div");
      bar.className = "editor-toolbar";
      BUTTONS.forEach(([label, before, after]) => {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = label;
        button.title = before;
        button.addEventListener("click", () => wrap(area, before, after));
        bar.appendChild(button);
      });
      const link = document.createElement("button");
      link.type = "button";
      link.textContent = "http://";
      link.title = "<a href>";
      link.addEventListener("click", () => {
        const url = window.prompt("https://");
        if (url && /^(https?:|mailto:)/i.test(url.trim())) wrap(area, `<a href="${escapeAttribute(url.trim())}">`, "</a>");
      });
      bar.appendChild(link);
      area.parentNode.insertBefore(bar, area);
      document.querySelectorAll("[data-insert-image]").forEach((button) => {
        button.addEventListener("click", () => {
          const src = escapeAttribute(button.dataset.insertImage);
          const alt = escapeAttribute(button.dataset.alt || "");
          wrap(area, `\n<figure><img src="${src}" alt="${alt}"><figcaption>${alt}</figcaption></figure>\n`, "");
        });
      });
    });
  });
})();
