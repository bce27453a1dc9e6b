// Hmr.Build browser client: import.meta.hot (Vite's API) and the update protocol (docs/hmr-semantics.md).
// Every module that uses import.meta.hot imports createHotContext from this module; the server injects that.
import { showErrorOverlay, clearErrorOverlay, hasErrorOverlay } from "/_hmr/overlay.js";
import { watchRuntimeErrors, reportRuntimeError, clearRuntimeErrorsOf } from "/_hmr/runtime-errors.js";

const config = /*@hmr-config*/{};

// Per module URL: the accept callbacks of the version that runs now ({ deps, fn }).
const hotModules = new Map();
const disposeHandlers = new Map();
const pruneHandlers = new Map();
const moduleData = new Map();
// Custom event listeners: event name -> callbacks; and per module, what it registered (to drop on a new version).
const listeners = new Map();
const listenersByModule = new Map();

let socket = null;
let everConnected = false;
// Update, full-reload, prune and error messages of this server instance this page has accounted for, starting with
// those sent before the server sent the page (on the preamble's tag; see onConnected).
let messagesReceived = typeof window.__hmrMessagesAtLoad === "number" ? window.__hmrMessagesAtLoad : null;
const countedTypes = new Set(["update", "full-reload", "prune", "error"]);
const outbox = [];
let currentFirstInvalidatedBy;
// Modules whose first load on this page failed (served broken: see reportModuleError). Their importers never ran.
const failedModules = new Set();

// ---- import.meta.hot ----------------------------------------------------------------------------------------

class HotContext {
  #url;
  #ownListeners = new Map();

  constructor(url) {
    this.#url = url;
    if (!moduleData.has(url)) moduleData.set(url, {});
    // A new version replaces every registration of the old one.
    hotModules.set(url, { callbacks: [] });
    disposeHandlers.delete(url);
    pruneHandlers.delete(url);
    removeListenersOf(url);
    listenersByModule.set(url, this.#ownListeners);
  }

  get data() {
    return moduleData.get(this.#url);
  }

  accept(deps, callback) {
    if (typeof deps === "function" || !deps) {
      this.#register([this.#url], ([mod]) => deps?.(mod));
    } else if (typeof deps === "string") {
      this.#register([this.#resolve(deps)], ([mod]) => callback?.(mod));
    } else if (Array.isArray(deps)) {
      this.#register(deps.map((dep) => this.#resolve(dep)), callback);
    } else {
      throw new Error("[hmr] invalid import.meta.hot.accept() usage");
    }
  }

  acceptExports(_exportNames, callback) {
    this.#register([this.#url], ([mod]) => callback?.(mod));
  }

  dispose(callback) {
    disposeHandlers.set(this.#url, callback);
  }

  prune(callback) {
    pruneHandlers.set(this.#url, callback);
  }

  decline() {
    // Accepted and ignored, as in Vite.
  }

  invalidate(message) {
    // Set only while the callbacks of an update that an invalidation caused run (loop detection on the server).
    const firstInvalidatedBy = currentFirstInvalidatedBy;
    notify("vite:invalidate", { path: this.#url, message, firstInvalidatedBy });
    sendMessage({ type: "custom", event: "vite:invalidate", data: { path: this.#url, message, firstInvalidatedBy } });
    console.debug(`[hmr] invalidate ${this.#url}${message ? `: ${message}` : ""}`);
  }

  on(event, callback) {
    addTo(listeners, event, callback);
    addTo(this.#ownListeners, event, callback);
  }

  off(event, callback) {
    removeFrom(listeners, event, callback);
    removeFrom(this.#ownListeners, event, callback);
  }

  send(event, data) {
    sendMessage({ type: "custom", event, data });
  }

  #register(deps, fn) {
    hotModules.get(this.#url).callbacks.push({ deps, fn: fn ?? (() => {}) });
  }

  #resolve(specifier) {
    // The server rewrites accepted-dep literals to module URLs; resolve anything else like the browser would.
    try { return new URL(specifier, new URL(this.#url, location.origin)).pathname; } catch { return specifier; }
  }
}

export function createHotContext(url) {
  return new HotContext(url);
}

// Called by the stand-in the server serves for a module with a syntax error, before it throws: a page loaded while
// the file is broken never got the socket's error message, so show the same overlay here, and remember the module
// so that the save that fixes it can recover the page (see planUpdate).
export function reportModuleError(err) {
  if (err?.id) failedModules.add(err.id);
  showError({ type: "error", err });
}

function addTo(map, key, value) {
  const list = map.get(key) ?? [];
  list.push(value);
  map.set(key, list);
}

function removeFrom(map, key, value) {
  const list = map.get(key);
  if (!list) return;
  const index = list.indexOf(value);
  if (index >= 0) list.splice(index, 1);
  if (list.length === 0) map.delete(key);
}

function removeListenersOf(url) {
  const own = listenersByModule.get(url);
  if (!own) return;
  for (const [event, callbacks] of own) for (const callback of callbacks) removeFrom(listeners, event, callback);
  listenersByModule.delete(url);
}

function notify(event, data) {
  for (const callback of [...(listeners.get(event) ?? [])]) {
    try { callback(data); } catch (error) { console.error(`[hmr] a '${event}' listener failed`, error); }
  }
}

// ---- messages, one at a time ----------------------------------------------------------------------------------

let queue = Promise.resolve();

function enqueue(message) {
  queue = queue.then(() => handle(message)).catch((error) => console.error("[hmr] failed to handle a message", error));
}

async function handle(message) {
  if (countedTypes.has(message.type) && !message.replayed && messagesReceived !== null) messagesReceived++;
  switch (message.type) {
    case "connected": return onConnected(message);
    case "update": return applyUpdate(message);
    case "full-reload": return fullReload(message);
    case "prune": return prune(message);
    case "error": return showError(message);
    case "custom": return notify(message.event, message.data);
    default: return undefined;
  }
}

function onConnected(message) {
  if (message.instanceId && config.instanceId && message.instanceId !== config.instanceId) {
    console.info("[hmr] the server restarted, reloading");
    location.reload();
    return;
  }
  // The same server answered, first or after a blip. If it broadcast anything this page did not receive (while the
  // page was loading, or while disconnected), the page may run stale code: reload once. Otherwise carry on.
  const count = typeof message.messageCount === "number" ? message.messageCount : messagesReceived;
  if (messagesReceived !== null && count !== messagesReceived) {
    console.info(`[hmr] ${count - messagesReceived} update(s) were sent while ${everConnected ? "disconnected" : "the page loaded"}, reloading`);
    notify("vite:beforeFullReload", { type: "full-reload", path: "*" });
    location.reload();
    return;
  }
  messagesReceived = count;
  console.debug(everConnected ? "[hmr] reconnected" : "[hmr] connected");
  everConnected = true;
  notify("vite:ws:connect", { webSocket: socket });
}

async function applyUpdate(payload) {
  notify("vite:beforeUpdate", payload);
  const jsUpdates = payload.updates.filter((u) => u.type === "js-update");
  // A module that failed on its first load stopped its importers from running too (as does a module of the page that
  // failed to parse or link): their boundaries have no hot context to take the update, so the page as a whole can
  // only recover by loading again (once, for this update).
  const stranded = jsUpdates.find((update) => !hotModules.has(update.path)
    && (touchesFailedModule(update) || window.__hmrPageSyntaxErrors > 0));
  if (stranded) {
    console.info(`[hmr] ${stranded.acceptedPath} changed but the page never ran it (a module failed to load): reloading`);
    notify("vite:beforeFullReload", { type: "full-reload", path: "*", triggeredBy: stranded.acceptedPath });
    location.reload();
    return;
  }
  const plans = jsUpdates.map(planUpdate).filter((plan) => plan !== null);
  // Fetch every module between the changes and their boundaries in one parallel round. Not awaited: the boundaries'
  // imports below find those fetches in flight in the module map and share them, so disposing and importing overlap
  // the round instead of waiting for all of it.
  preload(plans.flatMap((plan) => plan.update.preload ?? []));

  const disposed = new Set();
  for (const plan of plans) {
    const path = plan.update.acceptedPath;
    if (disposed.has(path)) continue;
    disposed.add(path);
    const dispose = disposeHandlers.get(path);
    if (dispose) {
      try { await dispose(moduleData.get(path)); } catch (error) {
        console.error(`[hmr] dispose of ${path} failed`, error);
        reportRuntimeError("Error in a dispose handler", error);
      }
    }
  }

  const imports = new Map();
  for (const plan of plans) {
    const url = `${plan.update.acceptedPath}?t=${plan.update.timestamp}`;
    if (!imports.has(url)) imports.set(url, import(/* @vite-ignore */ url).then((mod) => ({ mod }), (error) => ({ error })));
    plan.result = imports.get(url);
  }

  let reload = false;
  let failed = false;
  let callbackFailed = false;
  for (const plan of plans) {
    const { mod, error } = await plan.result;
    if (error) console.error(`[hmr] failed to reload ${plan.update.acceptedPath}`, error);
    else failedModules.delete(plan.update.acceptedPath);
    failed ||= Boolean(error);
    currentFirstInvalidatedBy = plan.update.firstInvalidatedBy;
    try {
      for (const { deps, fn } of plan.callbacks) {
        await fn(deps.map((dep) => (dep === plan.update.acceptedPath ? mod : undefined)));
      }
    } catch (callbackError) {
      console.error(`[hmr] accept callback of ${plan.update.path} failed`, callbackError);
      reportRuntimeError("Error in an accept callback", callbackError);
      callbackFailed = true;
    } finally {
      currentFirstInvalidatedBy = undefined;
    }
    if (error && plan.update.isWithinCircularImport) reload = true;
    if (!error) console.debug(`[hmr] hot updated: ${plan.update.path}`);
  }

  for (const update of payload.updates.filter((u) => u.type === "css-update")) await swapStylesheet(update);

  if (reload) {
    const reason = `re-importing ${plans.filter((plan) => plan.update.isWithinCircularImport).map((plan) => plan.update.acceptedPath).join(", ")} failed inside an import cycle`;
    console.info(`[hmr] reload: ${reason}`);
    rememberReloadReason(reason);
    notify("vite:beforeFullReload", { type: "full-reload", path: "*" });
    location.reload();
    return;
  }
  // Only a successful update means the error shown was fixed.
  if (!failed && hasErrorOverlay()) clearErrorOverlay();
  if (!failed && !callbackFailed) clearRuntimeErrorsOf(payload.updates.flatMap(updatedPaths));
  notify("vite:afterUpdate", payload);
}

// The callbacks of the version running now decide; capture them before the new version replaces them.
function planUpdate(update) {
  const boundary = hotModules.get(update.path);
  if (!boundary) return null; // never executed on this page
  const callbacks = boundary.callbacks.filter(({ deps }) => deps.includes(update.acceptedPath));
  // As in Vite: a dep update that no callback of the running version accepts (say, accept() behind an if) is not
  // re-imported; a self update always is.
  if (update.path !== update.acceptedPath && callbacks.length === 0) return null;
  return { update, callbacks, result: null };
}

function touchesFailedModule(update) {
  if (failedModules.size === 0) return false;
  return updatedPaths(update).some((path) => failedModules.has(path));
}

// The modules an update runs again: its boundary, the module it accepts and every module it fetches anew.
function updatedPaths(update) {
  return [update.path, update.acceptedPath, ...(update.preload ?? []).map((url) => url.split("?")[0])];
}

// Under a nonce-based Content-Security-Policy, the page's nonce (read by the preamble): a preload link made here
// fetches a script, and without it the policy would refuse the fetch.
const scriptNonce = window.__hmrNonce ?? "";

// Fetch (without running) every module the boundary will import, in one parallel round.
function preload(urls) {
  const unique = [...new Set(urls)];
  return Promise.all(unique.map((href) => new Promise((resolve) => {
    const link = document.createElement("link");
    link.rel = "modulepreload";
    if (scriptNonce) link.nonce = scriptNonce;
    link.href = href;
    const done = () => { link.remove(); resolve(); };
    link.addEventListener("load", done, { once: true });
    link.addEventListener("error", done, { once: true });
    document.head.appendChild(link);
  })));
}

function swapStylesheet(update) {
  const links = [...document.querySelectorAll("link[rel~='stylesheet']")].filter((link) => {
    try { return new URL(link.href, location.href).pathname === update.path; } catch { return false; }
  });
  return Promise.all(links.map((old) => new Promise((resolve) => {
    const fresh = old.cloneNode();
    fresh.href = stampedHref(old.getAttribute("href"), update.timestamp);
    const done = () => { old.remove(); resolve(); };
    fresh.addEventListener("load", done, { once: true });
    fresh.addEventListener("error", done, { once: true });
    old.after(fresh);
  })));
}

// As in Vite, the link keeps its own href and query (a server may need `?param=…`); only the timestamp of an earlier
// swap is replaced, so the query does not grow with each edit.
function stampedHref(href, timestamp) {
  const { path, query, hash } = splitStamped(href);
  return `${path}?${[...query, `t=${timestamp}`].join("&")}${hash}`;
}

/** A URL without the update stamp (`t=`) HMR gives modules and stylesheets; its own query and hash kept. */
export function withoutUpdateStamp(href) {
  const { path, query, hash } = splitStamped(href);
  return `${path}${query.length > 0 ? `?${query.join("&")}` : ""}${hash}`;
}

function splitStamped(href) {
  const hashAt = href.indexOf("#");
  const withoutHash = hashAt < 0 ? href : href.slice(0, hashAt);
  const queryAt = withoutHash.indexOf("?");
  return {
    path: queryAt < 0 ? withoutHash : withoutHash.slice(0, queryAt),
    query: queryAt < 0 ? [] : withoutHash.slice(queryAt + 1).split("&").filter((part) => part && !part.startsWith("t=")),
    hash: hashAt < 0 ? "" : href.slice(hashAt),
  };
}

// As in Vite, listeners hear about every full-reload message, also one for another page that this page ignores. An
// edit of this very page is morphed in (page-refresh.js): not an update, so no event, unless it falls back to a reload.
function fullReload(payload) {
  const isPage = payload.path && payload.path !== "*" && payload.path.endsWith(".html");
  if (isPage && !isThisPage(payload.path)) { notify("vite:beforeFullReload", payload); return; }
  if (isPage && config.morphMarkup) {
    return refreshPage(`${payload.path} changed`, (reason) => reloadPage({ ...payload, reason }));
  }
  reloadPage(payload);
}

function isThisPage(pagePath) {
  const page = decodeURIComponent(location.pathname);
  return page === pagePath || (page.endsWith("/") && `${page}index.html` === pagePath);
}

function reloadPage(payload) {
  notify("vite:beforeFullReload", payload);
  // Why, before the page goes: the server's one-line reason (what changed and the importer chain nothing accepted).
  const reason = payload.reason ?? `${payload.triggeredBy ?? payload.path ?? "the server"} asked for a full reload`;
  console.info(`[hmr] reload: ${reason}`);
  rememberReloadReason(reason);
  location.reload();
}

// Loaded on the first markup edit, not with every page: most loads never need it.
async function refreshPage(reason, reload, options) {
  try {
    const { refreshPage: refresh } = await import("/_hmr/page-refresh.js");
    return refresh(reason, reload, options);
  } catch (error) {
    console.error("[hmr] loading the markup refresh failed", error);
    return reload(`${reason}; the markup refresh could not load`);
  }
}

// dotnet watch applied a code change (preamble.js): its reload becomes a morph of the page as the server renders it now.
if (config.morphMarkup) {
  window.__hmrRefreshPage = (reason) =>
    refreshPage(reason, (why) => reloadPage({ type: "full-reload", path: location.pathname, reason: why }), { ifMarkupChanged: true });
}

// A console without "preserve log" is cleared by the reload: the new page says it again.
const reloadReasonKey = "hmr:reload-reason";

function rememberReloadReason(reason) {
  try { sessionStorage.setItem(reloadReasonKey, reason); } catch { /* storage off: the first line has to do */ }
}

function sayWhyThePageReloaded() {
  let reason = null;
  try {
    reason = sessionStorage.getItem(reloadReasonKey);
    sessionStorage.removeItem(reloadReasonKey);
  } catch { return; }
  if (reason) console.info(`[hmr] reloaded: ${reason}`);
}
sayWhyThePageReloaded();

async function prune(payload) {
  notify("vite:beforePrune", payload);
  for (const path of payload.paths) {
    const data = moduleData.get(path);
    for (const handlers of [disposeHandlers, pruneHandlers]) {
      const handler = handlers.get(path);
      if (!handler) continue;
      try { await handler(data); } catch (error) { console.error(`[hmr] prune of ${path} failed`, error); }
    }
    moduleData.delete(path);
    hotModules.delete(path);
    disposeHandlers.delete(path);
    pruneHandlers.delete(path);
    removeListenersOf(path);
  }
}

function showError(payload) {
  notify("vite:error", payload);
  const err = payload.err ?? {};
  const where = err.loc ? ` (${err.loc.file}:${err.loc.line}:${err.loc.column})` : "";
  console.error(`[hmr] ${err.message}${where}${err.frame ? `\n${err.frame}` : ""}`);
  showErrorOverlay(err);
}

// ---- the socket ------------------------------------------------------------------------------------------------

function sendMessage(message) {
  const text = JSON.stringify(message);
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(text);
  else outbox.push(text);
}

function socketUrl() {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${location.host}${config.socketPath}?token=${encodeURIComponent(config.token)}`;
}

function connect() {
  const ws = new WebSocket(socketUrl());
  socket = ws;
  ws.addEventListener("open", () => {
    while (outbox.length > 0 && ws.readyState === WebSocket.OPEN) ws.send(outbox.shift());
  });
  ws.addEventListener("message", (event) => {
    let message;
    try { message = JSON.parse(event.data); } catch { return; }
    enqueue(message);
  });
  ws.addEventListener("close", () => {
    if (socket !== ws) return;
    socket = null;
    notify("vite:ws:disconnect", { webSocket: ws });
    reconnect();
  }, { once: true });
}

// Back off while the server is away. The same instance coming back resumes; another one means a restart
// (its token differs, so the socket would be refused): reload once to pick up the new client.
async function reconnect() {
  for (let attempt = 0; ; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** attempt, 5000)));
    let instance;
    try {
      const response = await fetch("/_hmr/instance", { cache: "no-store" });
      if (!response.ok) continue;
      instance = (await response.text()).trim();
    } catch {
      continue;
    }
    if (instance !== config.instanceId) {
      console.info("[hmr] the server restarted, reloading");
      location.reload();
      return;
    }
    connect();
    return;
  }
}

setInterval(() => {
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: "ping" }));
}, 30000);

watchRuntimeErrors();
connect();
