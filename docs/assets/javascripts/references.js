/* Product vs Project: a reference opens in place (src/product_vs_project/references_list.py).
 * Loaded only on pages that list references. A reference number is a link to its entry in
 * the list at the end of the page; here a tap, click or Enter on it opens that entry beside
 * the sentence instead, in one popover: a sheet at the foot of the screen on a phone, a
 * card on a desktop. Focus moves into it; Escape, a tap outside or its close button shut
 * it and focus returns to the number. The list itself is folded on phones and open on
 * wider screens, and opens when a link leads into it. Without this script, a number leads
 * to its entry (browsers unfold the list to show it). */
(function () {
  "use strict";

  var popover = null;
  var opener = null;

  function build() {
    var box = document.createElement("span");
    box.className = "pvp-ref__pop";
    box.id = "pvp-ref-pop";
    box.setAttribute("popover", "auto");
    box.setAttribute("role", "dialog");
    box.addEventListener("toggle", function (event) {
      if (event.newState !== "closed" || !opener) return;
      opener.setAttribute("aria-expanded", "false");
      opener.focus({ preventScroll: true });
      opener = null;
    });
    return box;
  }

  function show(link) {
    var number = link.hash.slice("#ref-".length);
    var entry = document.getElementById("ref-" + number);
    if (!entry) return false;
    if (!popover) popover = build();
    if (popover.matches(":popover-open")) popover.hidePopover();
    var title = document.createElement("strong");
    title.className = "pvp-ref__title";
    title.textContent = "Reference " + number;
    var close = document.createElement("button");
    close.type = "button";
    close.className = "pvp-ref__close";
    close.setAttribute("aria-label", "Close reference " + number);
    close.textContent = "\u00d7";
    close.addEventListener("click", function () { popover.hidePopover(); });
    var all = document.createElement("a");
    all.className = "pvp-ref__all";
    all.href = "#references";
    all.textContent = "All references";
    popover.replaceChildren(title, close);
    Array.prototype.forEach.call(entry.childNodes, function (node) { popover.append(node.cloneNode(true)); });
    popover.append(all);
    popover.setAttribute("aria-label", "Reference " + number);
    link.after(popover); /* beside the number, so a screen reader meets it where the sentence is */
    opener = link;
    link.setAttribute("aria-expanded", "true");
    popover.showPopover();
    close.focus({ preventScroll: true });
    return true;
  }

  /* Capture phase: before Material's own handling of links, so the page does not jump. */
  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    var link = target && target.closest("a.pvp-ref");
    if (link && typeof link.showPopover === "function" && show(link)) {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    var all = target && target.closest(".pvp-ref__all");
    if (all) {
      var list = document.querySelector("details.pvp-references");
      if (list) list.open = true;
      if (popover && popover.matches(":popover-open")) {
        opener = null;
        popover.hidePopover();
      }
    }
  }, true);

  function start() {
    var list = document.querySelector("details.pvp-references");
    if (!list) return;
    Array.prototype.forEach.call(document.querySelectorAll("a.pvp-ref"), function (link) {
      link.setAttribute("role", "button");
      link.setAttribute("aria-haspopup", "dialog");
      link.setAttribute("aria-expanded", "false");
    });
    if (window.matchMedia("(min-width: 45em)").matches || /^#(references|ref-\d+)$/.test(location.hash)) {
      list.open = true;
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
