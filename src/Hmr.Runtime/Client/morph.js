// Morphs a page the server rendered again into the live document (docs/runtime.md, "Markup edits").
//
// Three trees take part: `live` (the document the user sees, which the page's scripts may have changed), `base` (the
// markup the server sent before, or null when it is not known) and `next` (the markup it sends now). Only what the
// server changed from base to next is applied to live, so whatever a script did to the page (a counter's text, a
// class it toggled, an element it added) stays unless the server changed that very part. Without a base, live is
// brought to next (a two-way morph), which keeps elements and form state but not a script's changes to the markup.
//
// Nodes are paired by id, then by equal markup, then by shared descendant ids, then by tag in document order (as
// idiomorph matches). A paired element is kept, with its listeners, properties and custom-element instance, and
// changed in place; form controls keep what the user typed (attributes set only the defaults). Scripts are never
// added, removed or run again here (the caller reloads when the page's scripts change), and HMR's and dotnet watch's
// own elements, and any element marked `data-hmr-keep`, are left as they are.

const ELEMENT = Node.ELEMENT_NODE;
const TEXT = Node.TEXT_NODE;
const COMMENT = Node.COMMENT_NODE;

/** Applies next's changes (from base) to the live document. */
export function morphDocument(live, base, next) {
  morphNode(live.documentElement, base?.documentElement ?? null, next.documentElement);
}

/** Nodes the morph neither pairs, changes nor removes. */
function isLeftAlone(node) {
  if (node.nodeType !== ELEMENT) return false;
  const tag = node.localName;
  return tag === "script" || tag.startsWith("hmr-") || node.id === "dotnet-hotreload-toast" || node.hasAttribute("data-hmr-keep");
}

function morphNode(live, base, next) {
  if (base && base.isEqualNode(next)) return; // the server did not change this part: keep it exactly as it is now
  if (live.nodeType !== ELEMENT) {
    if (live.nodeValue !== next.nodeValue) live.nodeValue = next.nodeValue;
    return;
  }
  morphAttributes(live, base, next);
  if (live.localName === "textarea") {
    // Its text is its default value: the user's text stays unless they have not typed (then it follows the default).
    if (live.defaultValue !== next.defaultValue) live.defaultValue = next.defaultValue;
    return;
  }
  if (live.localName === "template") {
    live.content.replaceChildren(document.importNode(next.content, true));
    return;
  }
  // A defined custom element without a shadow root renders into its own children: they are the element's, not the
  // server's. With a shadow root, the children are the server's slotted content.
  if (live.localName.includes("-") && customElements.get(live.localName) && !live.shadowRoot) return;
  morphChildren(live, base, next);
}

function morphAttributes(live, base, next) {
  for (const { name, value } of next.attributes) {
    if (name === "nonce") continue; // the page's nonce, which the browser hides and the new response changes
    if (base && base.getAttribute(name) === value) continue;
    if (live.getAttribute(name) !== value) live.setAttribute(name, value);
  }
  for (const { name } of [...live.attributes]) {
    if (name === "nonce" || next.hasAttribute(name)) continue;
    if (!base || base.hasAttribute(name)) live.removeAttribute(name);
  }
}

function morphChildren(liveParent, baseParent, nextParent) {
  const liveKids = morphable(liveParent.childNodes);
  const nextKids = morphable(nextParent.childNodes);
  let nextToLive;
  const removed = [];
  if (baseParent) {
    const baseKids = morphable(baseParent.childNodes);
    const baseToLive = pair(baseKids, liveKids);
    const baseToNext = pair(baseKids, nextKids);
    const nextToBase = invert(baseToNext);
    nextToLive = new Map();
    for (const nextKid of nextKids) {
      const baseKid = nextToBase.get(nextKid);
      // A server node a script removed stays removed; a new server node (no base) is added.
      if (!baseKid) nextToLive.set(nextKid, null);
      else if (baseToLive.has(baseKid)) nextToLive.set(nextKid, { live: baseToLive.get(baseKid), base: baseKid });
    }
    for (const baseKid of baseKids) {
      if (!baseToNext.has(baseKid) && baseToLive.has(baseKid)) removed.push(baseToLive.get(baseKid));
    }
  } else {
    const paired = pair(nextKids, liveKids);
    nextToLive = new Map(nextKids.map((nextKid) => [nextKid, paired.has(nextKid) ? { live: paired.get(nextKid), base: null } : null]));
    const kept = new Set(paired.values());
    for (const liveKid of liveKids) if (!kept.has(liveKid)) removed.push(liveKid);
  }

  for (const node of removed) node.remove();
  // Place each next child after the previous one's live node: paired nodes move only when the server reordered them.
  let previous = null;
  for (const [nextKid, match] of nextToLive) {
    let live;
    if (match) {
      live = match.live;
      morphNode(live, match.base, nextKid);
      if (previous && !(previous.compareDocumentPosition(live) & Node.DOCUMENT_POSITION_FOLLOWING)) place(liveParent, live, previous.nextSibling);
    } else {
      live = importWithoutScripts(nextKid);
      place(liveParent, live, previous ? previous.nextSibling : firstPlace(liveParent));
    }
    previous = live;
  }
}

/** The children that take part: whitespace-only text is kept as it is on both sides (it would only pair by chance). */
function morphable(childNodes) {
  return Array.prototype.filter.call(childNodes, (node) =>
    (node.nodeType === ELEMENT && !isLeftAlone(node))
    || node.nodeType === COMMENT
    || (node.nodeType === TEXT && node.nodeValue.trim() !== ""));
}

/** Where the first new child goes when nothing before it was kept: before the first element that takes part. */
function firstPlace(parent) {
  for (const node of parent.childNodes) if (node.nodeType === ELEMENT && !isLeftAlone(node)) return node;
  return null;
}

// moveBefore keeps a moved element's state (focus, iframes, running animations); insertBefore drops some of it.
function place(parent, node, before) {
  if (node === before) return;
  if (node.parentNode === parent && typeof parent.moveBefore === "function") {
    try { parent.moveBefore(node, before); return; } catch { /* a move the browser refuses: insert */ }
  }
  parent.insertBefore(node, before);
}

/** A copy of a new server node for the live document (custom elements in it upgrade when connected); scripts in it
 * are dropped: the live page keeps its own, which the caller made sure are the same. Under a nonce-based policy the
 * new response's nonce is not the live page's: a new `<style nonce>` gets the page's, or the browser would refuse it. */
function importWithoutScripts(node) {
  const copy = document.importNode(node, true);
  if (copy.nodeType !== ELEMENT) return copy;
  copy.querySelectorAll("script").forEach((script) => script.remove());
  const nonce = window.__hmrNonce;
  if (nonce) [copy, ...copy.querySelectorAll("[nonce]")].filter((e) => e.hasAttribute("nonce")).forEach((e) => { e.nonce = nonce; });
  return copy;
}

function invert(map) {
  return new Map([...map].map(([key, value]) => [value, key]));
}

/** Pairs `from` nodes with `to` nodes (a Map from → to): by id, by equal markup, by shared descendant ids, then by
 * kind in order. Every pass after the first keeps the order: a node pairs only after the last one paired before it. */
function pair(from, to) {
  const result = new Map();
  const taken = new Set();
  const byId = new Map();
  for (const node of to) if (node.nodeType === ELEMENT && node.id) byId.set(kindOf(node) + "#" + node.id, node);
  for (const node of from) {
    if (node.nodeType !== ELEMENT || !node.id) continue;
    const match = byId.get(kindOf(node) + "#" + node.id);
    if (match && !taken.has(match)) { result.set(node, match); taken.add(match); }
  }
  const ids = new Map();
  const idsOf = (node) => {
    if (!ids.has(node)) ids.set(node, node.nodeType === ELEMENT ? new Set([...node.querySelectorAll("[id]")].map((e) => e.id)) : new Set());
    return ids.get(node);
  };
  const passes = [
    (a, b) => a.isEqualNode(b),
    (a, b) => kindOf(a) === kindOf(b) && [...idsOf(a)].some((id) => idsOf(b).has(id)),
    (a, b) => kindOf(a) === kindOf(b) && !hasOtherId(a, b),
  ];
  const toIndex = new Map(to.map((node, i) => [node, i]));
  for (const matches of passes) {
    let floor = -1; // where the last `from` node paired so far went: later nodes pair only after it
    for (const node of from) {
      if (result.has(node)) { floor = toIndex.get(result.get(node)); continue; }
      for (let i = floor + 1; i < to.length; i++) {
        if (taken.has(to[i]) || !matches(node, to[i])) continue;
        result.set(node, to[i]);
        taken.add(to[i]);
        floor = i;
        break;
      }
    }
  }
  return result;
}

/** Elements with different ids are different elements, whatever their tags. */
function hasOtherId(a, b) {
  return a.nodeType === ELEMENT && (a.id || b.id) && a.id !== b.id;
}

/** What a node may pair with: the same tag, and for form controls the same type and name (two inputs of a form
 * swapping places must not swap what the user typed). */
function kindOf(node) {
  if (node.nodeType !== ELEMENT) return "#" + node.nodeType;
  const tag = node.localName;
  if (tag === "input" || tag === "select" || tag === "textarea" || tag === "button") {
    return `${tag}[${node.getAttribute("type") ?? ""}][${node.getAttribute("name") ?? ""}]`;
  }
  return tag;
}
