// Hmr.Build preamble: a classic script injected first thing in <head>, so it runs before any other script.
// 1. It wraps window.WebSocket so that dotnet watch's browser-refresh socket no longer reloads the page when a
//    .js/.mjs file changes: HMR decides that (see docs/runtime.md), and swaps the web root's stylesheets itself.
//    Other CSS passes through untouched.
// 2. It makes custom elements replaceable: a module that defines an element and accepts its own updates defines the
//    same tag again on each update, and the new class takes over the element's existing and future instances.
// 3. When dotnet watch has applied a C# or Razor change and would reload the page, it lets the client morph the page
//    instead (page-refresh.js), which falls back to that reload when the morph is not safe.
// 4. It loads the HMR client module, which opens its own socket and provides import.meta.hot.
(function () {
  "use strict";
  var config = /*@hmr-config*/{};
  if (window.__hmrPreambleLoaded) return;
  window.__hmrPreambleLoaded = true;
  // Page messages the server had broadcast when it sent this page (see onConnected in client.js).
  var messagesAtLoad = (document.currentScript && document.currentScript.getAttribute("data-hmr-messages")) || "";
  window.__hmrMessagesAtLoad = /^\d+$/.test(messagesAtLoad) ? Number(messagesAtLoad) : null;
  // Names the server's copy of this page's markup: the base of the first morph (page-refresh.js).
  window.__hmrPageId = document.currentScript && document.currentScript.getAttribute("data-hmr-page");
  // Under a nonce-based Content-Security-Policy, the page's nonce (the server put it on this tag; the browser hides it
  // from getAttribute, not from .nonce): what HMR adds to the page carries it (client.js, morph.js).
  window.__hmrNonce = (document.currentScript && document.currentScript.nonce) || "";

  // A module that fails to parse or link (say, it imports a name a broken module's stand-in lacks) stops the page's
  // modules before any of them, the client's bookkeeping included, runs. Counted here, before any module script, so
  // the client can still recover the page on the next update (client.js, applyUpdate).
  window.__hmrPageSyntaxErrors = 0;
  // Runtime errors raised before the client has loaded (the app's first modules run meanwhile): kept for it to show
  // (runtime-errors.js, watchRuntimeErrors), which then stops this by setting the list to null.
  window.__hmrEarlyErrors = [];
  function keepEarly(event) {
    if (window.__hmrEarlyErrors && window.__hmrEarlyErrors.length < 100) window.__hmrEarlyErrors.push(event);
  }
  window.addEventListener("error", function (event) {
    if (event.error instanceof SyntaxError) window.__hmrPageSyntaxErrors++;
    keepEarly(event);
  });
  window.addEventListener("unhandledrejection", keepEarly);

  var NativeWebSocket = window.WebSocket;

  function portOf(url) {
    return url.port || (url.protocol === "wss:" || url.protocol === "https:" ? "443" : "80");
  }

  function isWatchSocket(rawUrl) {
    var url;
    try { url = new URL(rawUrl, location.href); } catch (e) { return false; }
    if (url.host === location.host && url.pathname.indexOf("/_hmr/") === 0) return false;
    var endpoints = config.watchEndpoints || [];
    if (endpoints.length === 0) return false;
    return endpoints.some(function (endpoint) {
      try { return portOf(new URL(endpoint)) === portOf(url); } catch (e) { return false; }
    });
  }

  // dotnet watch sends {"type":"UpdateStaticFile","path":"wwwroot/js/app.js"} and reloads every tab for anything not
  // CSS. Our server decides for modules (update or reload) and for HTML pages (reload only the tabs showing that page).
  function isFileHmrHandles(data) {
    if (typeof data !== "string" || data.indexOf("UpdateStaticFile") < 0) return false;
    var message;
    try { message = JSON.parse(data); } catch (e) { return false; }
    if (!message || message.type !== "UpdateStaticFile" || typeof message.path !== "string") return false;
    var path = message.path.split("?")[0].replace(/\\/g, "/");
    return /\.(m?js|html?)$/i.test(path) || isStylesheetHmrSwaps(path);
  }

  // dotnet watch sends RefreshBrowser once it has applied a code change (a Razor view, page or layout, or C#) to the
  // running app, and reloads a page that is not Blazor's. The client morphs the page instead, if it has loaded
  // (window.__hmrRefreshPage, set by client.js when Hmr:MorphMarkup is on).
  function isRefreshHmrMorphs(data) {
    if (typeof data !== "string" || data.indexOf("RefreshBrowser") < 0 || window.Blazor) return false;
    if (typeof window.__hmrRefreshPage !== "function") return false;
    try { return JSON.parse(data).type === "RefreshBrowser"; } catch (e) { return false; }
  }

  // A stylesheet of the web root that a link of this page names by its own path is HMR's to swap (client.js,
  // swapStylesheet): dotnet watch's swap would replace the link's query (`?param=x`) with its `?nonce=`, where HMR's
  // keeps it. Every other stylesheet (a fingerprinted URL, a Razor app's scoped-CSS bundle) stays dotnet watch's. The
  // scoped-CSS bundles (`<App>.styles.css`, a library's `<Lib>.bundle.scp.css`) are built into obj/, not in the web
  // root, though dotnet watch names them as if they were.
  function isStylesheetHmrSwaps(path) {
    var prefix = config.webRootName + "/";
    if (!/\.css$/i.test(path) || !config.webRootName || path.indexOf(prefix) !== 0) return false;
    if (/\.(styles|bundle\.scp)\.css$/i.test(path)) return false;
    var urlPath = "/" + path.slice(prefix.length);
    return Array.prototype.some.call(document.querySelectorAll("link[rel~='stylesheet']"), function (link) {
      try { return new URL(link.href, location.href).pathname === urlPath; } catch (e) { return false; }
    });
  }

  // Hot custom elements (docs/runtime.md, "Custom elements"). The first define of a tag registers a stable class of
  // ours whose constructor builds the element with the latest class the app defined for the tag, and whose prototype
  // and statics inherit from that class; a later define of the tag re-points them to the new class instead of throwing.
  // The browser reads the lifecycle callbacks once, at define: the stable class's own callbacks forward to the latest.
  function hotCustomElements(registry) {
    if (!registry) return;
    var nativeDefine = registry.define;
    var tags = new Map(); // tag -> { stable, latest, instances: Set<WeakRef> }
    var usedClasses = new WeakMap(); // an app class -> the tag it was defined for
    var callbacks = ["connectedCallback", "disconnectedCallback", "adoptedCallback", "attributeChangedCallback",
      "connectedMoveCallback", "formAssociatedCallback", "formResetCallback", "formDisabledCallback", "formStateRestoreCallback"];

    function stableClassFor(entry) {
      class HotElement extends HTMLElement {
        constructor(...args) {
          // The element is created for the registered class (new.target) but built by the latest one, with the
          // arguments of a `new` call (an element the parser or createElement makes gets none).
          var element = Reflect.construct(entry.latest, args, new.target);
          entry.instances.add(new WeakRef(element));
          return element;
        }
      }
      callbacks.forEach(function (name) {
        if (!(name in entry.latest.prototype)) return;
        Object.defineProperty(HotElement.prototype, name, {
          configurable: true,
          writable: true,
          value: function () {
            var current = Object.getPrototypeOf(HotElement.prototype)[name];
            return typeof current === "function" ? current.apply(this, arguments) : undefined;
          },
        });
      });
      return HotElement;
    }

    function point(entry, appClass) {
      entry.latest = appClass;
      Object.setPrototypeOf(entry.stable.prototype, appClass.prototype);
      Object.setPrototypeOf(entry.stable, appClass);
    }

    // Lit (ReactiveElement) keeps what it derives from a class's statics (properties, styles) on each class, once:
    // the stable class's copy is dropped and derived again from the new class.
    function refinalize(stable) {
      if (typeof stable.finalize !== "function" || !Object.prototype.hasOwnProperty.call(stable, "finalized")) return;
      ["finalized", "elementProperties", "elementStyles"].forEach(function (name) { delete stable[name]; });
      stable.finalize();
    }

    function refresh(entry) {
      entry.instances.forEach(function (ref) {
        var element = ref.deref();
        if (!element) { entry.instances.delete(ref); return; }
        try {
          var root = element.renderRoot;
          var styles = entry.stable.elementStyles;
          if (root && root !== element && Array.isArray(styles) && "adoptedStyleSheets" in root) {
            root.adoptedStyleSheets = styles.map(function (style) { return style instanceof CSSStyleSheet ? style : style.styleSheet; })
              .filter(Boolean);
          }
          if (typeof element.hotReplacedCallback === "function") element.hotReplacedCallback();
          else if (typeof element.requestUpdate === "function") element.requestUpdate();
        } catch (error) {
          console.error("[hmr] updating a <" + entry.tag + "> after its class changed failed", error);
        }
      });
    }

    registry.define = function (tag, appClass, options) {
      var entry = tags.get(tag);
      // The browser's own errors (a class defined for another tag), and customized built-ins (`extends: "button"`),
      // whose class must extend that element's own class, are left to it.
      if (typeof appClass !== "function" || (usedClasses.has(appClass) && usedClasses.get(appClass) !== tag) || (options && options.extends)) {
        return nativeDefine.call(this, tag, appClass, options);
      }
      if (entry) {
        if (entry.latest === appClass) return undefined;
        usedClasses.set(appClass, tag);
        point(entry, appClass);
        refinalize(entry.stable);
        refresh(entry);
        console.debug("[hmr] <" + tag + "> now runs the new version of its class");
        return undefined;
      }
      entry = { tag: tag, stable: null, latest: appClass, instances: new Set() };
      entry.stable = stableClassFor(entry);
      point(entry, appClass);
      var result = nativeDefine.call(this, tag, entry.stable, options);
      tags.set(tag, entry);
      usedClasses.set(appClass, tag);
      return result;
    };
  }

  function HmrAwareWebSocket(url, protocols) {
    var socket = protocols === undefined ? new NativeWebSocket(url) : new NativeWebSocket(url, protocols);
    if (isWatchSocket(String(url))) {
      // Registered before the page's own handlers, so stopping propagation here hides the message from them.
      socket.addEventListener("message", function (event) {
        if (isFileHmrHandles(event.data)) event.stopImmediatePropagation();
        else if (isRefreshHmrMorphs(event.data)) {
          event.stopImmediatePropagation();
          window.__hmrRefreshPage("dotnet watch applied a code change");
        }
      });
    }
    return socket;
  }
  HmrAwareWebSocket.prototype = NativeWebSocket.prototype;
  ["CONNECTING", "OPEN", "CLOSING", "CLOSED"].forEach(function (name) {
    Object.defineProperty(HmrAwareWebSocket, name, { value: NativeWebSocket[name] });
  });
  window.WebSocket = HmrAwareWebSocket;

  hotCustomElements(window.customElements);

  import("/_hmr/client.js").catch(function (error) {
    console.error("[hmr] failed to load the HMR client", error);
  });
})();
