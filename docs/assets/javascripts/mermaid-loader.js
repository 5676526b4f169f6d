/*
 * Self-hosted, on-demand Mermaid for Material for MkDocs.
 *
 * Material renders `pre.mermaid` blocks itself. If no global `mermaid` exists
 * it loads https://unpkg.com/mermaid@11/... ; otherwise it calls
 * mermaid.initialize(config) once and `await mermaid.render(id, text)` per
 * diagram. This file defines a tiny `window.mermaid` stand-in so that:
 *   - nothing is ever requested from a third-party host, and
 *   - the real library (vendored in assets/vendor/mermaid/ by
 *     scripts/vendor_mermaid.sh) is imported only on the first render(),
 *     i.e. only on pages that contain a diagram; its ESM build then fetches
 *     only the chunks that diagram type needs.
 *
 * Mermaid 12 switched its defaults to the ELK layout (+~500 kB gzip per
 * flowchart page) and the "neo"/"redux-color" look, which ignores most of
 * Material's themeCSS. DEFAULTS restores the Mermaid 11 behaviour Material is
 * built for; Material's own config is applied on top, and a single diagram can
 * still opt in via front matter (---\nconfig:\n  layout: elk\n---).
 *
 * Load it as a plain classic script via extra_javascript (not async, not a
 * module): it must run before Material's DOMContentLoaded handlers, and it
 * needs document.currentScript to find the vendored files relative to itself
 * (the site may be served under a sub-path).
 */
(function () {
  "use strict";

  // Keep an existing shim/library (e.g. if this script is evaluated twice) so
  // its stored config and loaded module survive. An Element can appear here
  // through named access (<div id="mermaid">); Material ignores that case too.
  if (window.mermaid && !(window.mermaid instanceof Element)) return;

  var self = document.currentScript ||
    document.querySelector('script[src*="mermaid-loader.js"]');
  var src = new URL("../vendor/mermaid/mermaid.esm.min.mjs", self.src).href;

  var DEFAULTS = { layout: "dagre", look: "classic", theme: "default" };
  var config = {};   // last initialize() argument, applied once loaded
  var real = null;   // the real Mermaid API, once imported
  var loading = null;

  function merged() {
    return Object.assign({}, DEFAULTS, config);
  }

  function load() {
    if (!loading) {
      loading = import(src).then(function (mod) {
        real = mod.default;
        real.startOnLoad = false; // never scan the page on window "load"
        real.initialize(merged());
        return real;
      }, function (err) {
        loading = null; // allow a retry on the next page (instant navigation)
        throw err;
      });
    }
    return loading;
  }

  // The shim stays in place and delegates, so it keeps working across
  // Material's instant navigation (same JS context, initialize() only once).
  window.mermaid = {
    initialize: function (c) {
      config = c || {};
      if (real) real.initialize(merged());
    },
    render: function (id, text, container) {
      return load().then(function (m) {
        return m.render(id, text, container);
      });
    }
  };
})();
