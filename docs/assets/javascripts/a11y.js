/* Product vs Project: keyboard access that stock Material lacks. Loaded on every
 * page by overrides/main.html; tests/test_accessibility.py checks each part.
 *
 * 1. Boxes that scroll sideways. Material wraps every table in a box that
 *    scrolls sideways when the table is wider than the page (on phones the
 *    guide's tables always are), and content tabs put their labels in a strip
 *    that scrolls the same way. With nothing focusable inside, a keyboard user
 *    cannot scroll either (WCAG 2.1.1; axe: scrollable-region-focusable). While
 *    such a box really overflows, it becomes a named tab stop.
 * 2. Keys for the controls Material builds from <label>s: Space as well as
 *    Enter, and Escape to close the navigation drawer.
 * 3. Focus in the navigation drawer of narrow screens: into the drawer when it
 *    opens, to the right control when a pane opens or closes, and the drawer
 *    closes when focus leaves it (see also extra.css).
 * 4. Names and tab stops Material's markup lacks: the drawer's menu button and
 *    the back buttons of its panes are <label>s the keyboard could not reach,
 *    and the search dialog had no name. Done here rather than in copies of
 *    Material's partials, so an upgrade of Material brings its own markup.
 *
 * Parts 1 and 4 run again on every page Material shows, including after
 * instant navigation (document$ is Material's page observable).
 */
(function () {
  "use strict";

  /* Called with a box when it is first observed and whenever its size changes,
     after the browser has laid the page out: reading sizes there costs no layout. */
  var observer = "ResizeObserver" in window ? new ResizeObserver(function (entries) {
    updateAll(entries.map(function (entry) { return entry.target; }));
  }) : null;

  function overflows(box) {
    return box.scrollWidth > box.clientWidth + 1;
  }

  function textOf(el) {
    return (el.textContent || "").replace(/\s+/g, " ").trim();
  }

  /* A name that tells the boxes of one page apart: a table by its column
     headings, a tab strip by its tab names. */
  function nameOf(box) {
    if (box.classList.contains("tabbed-labels")) {
      return "Tabs: " + Array.prototype.map.call(box.querySelectorAll("label"), textOf).join(", ");
    }
    var headings = Array.prototype.map.call(box.querySelectorAll("thead th, thead td"), textOf)
      .filter(function (text) { return text; });
    return "Table" + (headings.length ? ": " + headings.join(", ") : "") + " (scrolls sideways)";
  }

  /* Two tables with the same headings would share a name: number the second. */
  function uniqueName(name) {
    var taken = Array.prototype.map.call(document.querySelectorAll("[data-pvp-scroll]"), function (box) {
      return box.getAttribute("aria-label");
    });
    var unique = name;
    for (var n = 2; taken.indexOf(unique) !== -1; n++) unique = name + " " + n;
    return unique;
  }

  /* Every size is read before any attribute is written: a write between two reads
     would make the browser lay the page out again for each box. */
  function updateAll(boxes) {
    boxes.map(function (box) { return [box, overflows(box)]; }).forEach(function (pair) {
      update(pair[0], pair[1]);
    });
  }

  function update(box, overflowing) {
    if (overflowing) {
      if (!box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        /* A named region for a table (a landmark readers can jump to), a named
           group for a tab strip (the tabs themselves are the radio buttons). */
        box.setAttribute("role", box.classList.contains("tabbed-labels") ? "group" : "region");
        box.setAttribute("aria-label", uniqueName(nameOf(box)));
        box.setAttribute("data-pvp-scroll", "");
      }
    } else if (box.hasAttribute("data-pvp-scroll")) {
      ["tabindex", "role", "aria-label", "data-pvp-scroll"].forEach(function (name) {
        box.removeAttribute(name);
      });
    }
  }

  function setup() {
    var boxes = Array.prototype.slice.call(document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset .tabbed-labels"));
    if (!observer) return updateAll(boxes);
    boxes.forEach(function (box) { observer.observe(box); });
  }

  /* A <label> may not carry aria-label (it has no role), so a label that only
     holds an icon gets its name as text that is hidden from sight. */
  function hiddenText(text) {
    var span = document.createElement("span");
    span.className = "pvp-visually-hidden";
    span.textContent = text;
    return span;
  }

  function nameControls() {
    var menu = document.querySelector("label.md-header__button[for='__drawer']");
    var nav = document.querySelector(".md-sidebar--primary nav[aria-label]");
    if (menu && !menu.hasAttribute("tabindex")) {
      menu.tabIndex = 0;
      menu.append(hiddenText(nav ? nav.getAttribute("aria-label") : "Navigation"));
    }
    /* The back button of each pane holds the section's title: it needs only a tab stop. */
    Array.prototype.forEach.call(document.querySelectorAll("label.md-nav__title[for]"), function (back) {
      if (!back.hasAttribute("tabindex")) back.tabIndex = 0;
    });
    var search = document.querySelector(".md-search[role='dialog']");
    var field = document.querySelector(".md-search__input");
    if (search && !search.hasAttribute("aria-label")) {
      search.setAttribute("aria-label", field ? field.getAttribute("aria-label") || "Search" : "Search");
    }
  }

  function start() {
    if (observer) observer.disconnect();
    nameControls();
    /* After Material's own handlers for the page have built the wrappers. */
    window.requestAnimationFrame(setup);
  }

  /* Keys. The drawer's menu button, its panes' back buttons (both made
     focusable above) and Material's section arrows are focusable
     <label>s that act as buttons: Material clicks them on Enter; like buttons,
     they also answer Space (the palette toggle's keys are in
     overrides/partials/javascripts/palette.html). Escape closes the open
     drawer and puts focus back on the menu button. */
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var drawer = document.getElementById("__drawer");
    if (event.key === " " && target instanceof HTMLLabelElement && target.hasAttribute("for") && target.tabIndex >= 0) {
      event.preventDefault();
      target.click();
    } else if (event.key === "Escape" && drawer && drawer.checked) {
      var button = document.querySelector("label.md-header__button[for='__drawer']");
      drawer.checked = false;
      drawer.dispatchEvent(new Event("change"));
      if (button) button.focus();
    }
  });

  /* The drawer covers the page with a shade while open. Opened from its menu
     button, it takes focus to its first control; when focus leaves it (Tab past
     its end, Shift+Tab back to the header), it closes, so that focus never sits
     on something shaded over. */
  function drawerChanged(drawer) {
    var button = document.querySelector("label.md-header__button[for='__drawer']");
    if (!drawer.checked || document.activeElement !== button) return;
    var sidebar = document.querySelector(".md-sidebar--primary");
    var controls = sidebar ? sidebar.querySelectorAll("a[href], label[tabindex='0'], input:not([type='checkbox'])") : [];
    for (var i = 0; i < controls.length; i++) {
      if (visible(controls[i])) {
        controls[i].focus({ preventScroll: true });
        return;
      }
    }
  }

  function visible(element) {
    if (typeof element.checkVisibility === "function") {
      return element.checkVisibility({ visibilityProperty: true, opacityProperty: false });
    }
    return element.getClientRects().length > 0 && getComputedStyle(element).visibility === "visible";
  }

  document.addEventListener("focusin", function (event) {
    var drawer = document.getElementById("__drawer");
    var sidebar = document.querySelector(".md-sidebar--primary");
    var target = event.target;
    if (!drawer || !drawer.checked || !sidebar || !(target instanceof Element)) return;
    if (sidebar.contains(target) || target.matches("label[for='__drawer']")) return;
    drawer.checked = false;
    drawer.dispatchEvent(new Event("change"));
  });

  /* Opening a pane of the drawer from the keyboard moves focus to its back
     button; going back moves it to the control that opened the pane. Without
     this, focus stays on a control that has just been covered or hidden. */
  document.addEventListener("change", function (event) {
    var toggle = event.target;
    if (toggle instanceof HTMLInputElement && toggle.id === "__drawer") {
      drawerChanged(toggle);
      return;
    }
    if (!(toggle instanceof HTMLInputElement) || !toggle.classList.contains("md-nav__toggle") || !toggle.id) return;
    var pane = toggle.parentElement && toggle.parentElement.querySelector(":scope > nav.md-nav");
    var active = document.activeElement;
    if (!pane || !active || active === document.body) return;
    if (toggle.checked && !pane.contains(active)) {
      var back = pane.querySelector(":scope > .md-nav__title[tabindex]");
      if (back && getComputedStyle(back).display !== "none") back.focus({ preventScroll: true }); /* mid-slide: scrolling to it would shift the drawer sideways */
    } else if (!toggle.checked && pane.contains(active)) {
      /* The arrow that opened the pane or, where the section's own page link
         stands in for it, that link. */
      var opener = toggle.parentElement.querySelector("label[for='" + toggle.id + "'][tabindex='0']:not(.md-nav__title)") ||
        toggle.parentElement.querySelector(":scope > .md-nav__container > a, :scope > a");
      if (opener) opener.focus({ preventScroll: true });
    }
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else {
    start();
  }
})();
