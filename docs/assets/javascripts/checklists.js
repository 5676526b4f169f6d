/* Product vs Project: checklists a reader can tick (src/product_vs_project/renderers/checklists.py),
 * loaded only on pages that have one. The self-check hides which role each statement
 * leans to, and says which roles your ticks lean towards and what to read next, in a
 * short line that stays in view while the list scrolls; the handoff checklist counts and names what is still open. Ticks are kept
 * in this browser's local storage only: nothing is sent anywhere. Without this script the
 * lists still read as lists, key included. */
(function () {
  "use strict";

  function load(key) {
    try { return JSON.parse(window.localStorage.getItem(key)) || []; } catch (e) { return []; }
  }

  function save(key, ids) {
    try { window.localStorage.setItem(key, JSON.stringify(ids)); } catch (e) { /* storage off: ticks last this visit */ }
  }

  function textOf(el) {
    return el.textContent.replace(/\s+/g, " ").trim();
  }

  /* "the <a>product manager</a> (2 of 3)": the role link is copied from the item's key. */
  function roleLink(role, count, total) {
    var span = document.createElement("span");
    var link = role.link.cloneNode(true);
    span.append("the ", link, " (" + count + (total ? " of " + total : "") + ")");
    return span;
  }

  function leaning(status, ticked) {
    var roles = [];
    ticked.forEach(function (box) {
      var link = box.closest("li").querySelector(".pvp-check__key a");
      var role = roles.filter(function (r) { return r.link.href === link.href; })[0];
      if (!role) roles.push(role = { link: link, boxes: [] });
      role.boxes.push(box);
    });
    roles.sort(function (a, b) { return b.boxes.length - a.boxes.length; });
    var top = roles.filter(function (r) { return r.boxes.length === roles[0].boxes.length; });
    status.append(top.length > 1 ? "Your ticks lean equally towards " : "Your ticks lean towards ");
    top.forEach(function (role, i) {
      if (i) status.append(i === top.length - 1 ? " and " : ", ");
      status.append(roleLink(role, role.boxes.length, ticked.length));
    });
    var others = roles.slice(top.length);
    if (others.length) {
      status.append(", then ");
      others.forEach(function (role, i) {
        if (i) status.append(", ");
        status.append(roleLink(role, role.boxes.length));
      });
    }
    status.append(".");
    nextStep(status, roles);
  }

  /* Read next: the leading role's page and, where a second role follows close, the two side by side. */
  function nextStep(status, roles) {
    var next = document.createElement("span");
    next.className = "pvp-check__next";
    next.append("Read next: ");
    var first = roles[0].link.cloneNode(true);
    first.textContent = "what a " + textOf(roles[0].link) + " does";
    next.append(first);
    if (roles.length > 1) {
      var ids = roles.slice(0, 2).map(function (role) { return (role.link.href.match(/roles\/([a-z0-9-]+)\/?$/) || [])[1]; });
      if (ids[0] && ids[1]) {
        ids.sort();
        var pair = document.createElement("a");
        pair.href = roles[0].link.href.replace(/roles\/[a-z0-9-]+\/?$/, "compare/" + ids[0] + "-vs-" + ids[1] + "/");
        pair.textContent = textOf(roles[0].link) + " vs " + textOf(roles[1].link);
        next.append(", then ", pair);
      }
    }
    next.append(".");
    status.append(" ", next);
  }

  /* The handoff checklist: what is still open, by name. */
  function progress(status, boxes, ticked) {
    status.append(ticked.length + " of " + boxes.length + " ticked.");
    var open = boxes.filter(function (box) { return !box.checked; });
    if (!open.length) {
      status.append(" Everything on the list is settled: the work is ready to hand over.");
    } else if (ticked.length) {
      status.append(" Still open: " + open.map(function (box) { return "\u201c" + textOf(box.closest("label")) + "\u201d"; }).join("; ") + ".");
    }
  }

  function setup(list) {
    if (list.dataset.pvpReady) return;
    list.dataset.pvpReady = "true";
    list.classList.add("pvp-check--live");
    var key = "pvp:" + list.dataset.pvpStore;
    var boxes = Array.prototype.slice.call(list.querySelectorAll("input[type=checkbox]"));
    var status = list.querySelector(".pvp-check__status");
    var reset = list.querySelector(".pvp-check__reset");
    var prompt = textOf(status);
    var saved = load(key);
    boxes.forEach(function (box) { box.checked = saved.indexOf(box.name) !== -1; });

    function update(store) {
      var ticked = boxes.filter(function (box) { return box.checked; });
      if (store) save(key, ticked.map(function (box) { return box.name; }));
      status.textContent = "";
      if (list.dataset.pvpKind === "progress") {
        progress(status, boxes, ticked);
      } else if (ticked.length) {
        leaning(status, ticked);
      } else {
        status.append(prompt);
      }
      status.hidden = false;
      reset.hidden = !ticked.length;
    }

    boxes.forEach(function (box) { box.addEventListener("change", function () { update(true); }); });
    reset.querySelector("button").addEventListener("click", function () {
      boxes.forEach(function (box) { box.checked = false; });
      update(true);
      boxes[0].focus();
    });
    update(false);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".pvp-check"), setup);
  }

  /* Material swaps pages in place (instant navigation); document$ tells of each new page. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
