/* Product vs Project: checklists a reader can tick, built by hooks/guide/checklists.py.
 * The self-check says which roles the ticks lean towards, and why; the handoff
 * checklist counts. Ticks are kept in this browser's local storage only: nothing is
 * sent anywhere. Without this script the lists still read as lists, key included. */
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
    status.append(". Because you ticked: ");
    top.forEach(function (role) {
      role.boxes.forEach(function (box, i) {
        if (i || role !== top[0]) status.append("; ");
        status.append("\u201c" + textOf(box.closest("label")) + "\u201d");
      });
    });
    status.append(".");
  }

  function setup(list) {
    if (list.dataset.pvpReady) return;
    list.dataset.pvpReady = "true";
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
        status.append(ticked.length + " of " + boxes.length + " ticked.");
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
