# ruff: noqa: E501  (JavaScript source: its lines follow JS layout, not Python's)
"""The page's script, inlined into the HTML so the file works with no network (no CDN, no bundle).

It reads the JSON payload from <script id="rasad-data">, filters events (dates, actor, type),
aggregates them into network edges the same way builder.viz.project does, and draws three SVG
views: the network (positions precomputed in Python), the timeline and the map. Everything is
redrawn from strings on each change: 5,000 events aggregate to a few thousand SVG elements.
"""

SCRIPT = r"""
(function () {
"use strict";
const D = JSON.parse(document.getElementById("rasad-data").textContent);
const E = D.entities, V = D.events, S = D.sentences;
const UNKNOWN = "urn:rasad:unknown";
const TYPE_COLORS = D.colors.types, WEAPON_COLORS = D.colors.weapons, EVENT_COLORS = D.colors.events;
const $ = (id) => document.getElementById(id);
const esc = (s) => String(s == null ? "" : s).replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})[c]);
const color = (table, key) => table[key] || "#95a5a6";
const eventDate = (ev) => ev.date || ev.pub || null;

// ---------- filters ----------
function setupFilters() {
  const dates = V.map(eventDate).filter(Boolean).sort();
  for (const id of ["from", "to"]) { $(id).min = dates[0] || ""; $(id).max = dates[dates.length - 1] || ""; }
  $("from").value = dates[0] || ""; $("to").value = dates[dates.length - 1] || "";
  const actors = new Map();
  V.forEach((ev) => ev.a.concat(ev.t).forEach((i) => actors.set(i, (actors.get(i) || 0) + 1)));
  const sorted = [...actors.keys()].filter((i) => E[i].id !== UNKNOWN).sort((x, y) => name(E[x]).localeCompare(name(E[y])));
  $("actor").innerHTML = '<option value="">all actors</option>' + sorted.map((i) =>
    `<option value="${i}">${esc(name(E[i]))}${E[i].en && E[i].ar ? " — " + esc(E[i].ar) : ""} (${actors.get(i)})</option>`).join("");
  const types = [...new Set(V.map((ev) => ev.type))].sort();
  $("etype").innerHTML = '<option value="">all event types</option>' + types.map((t) => `<option>${esc(t)}</option>`).join("");
  for (const id of ["from", "to", "actor", "etype", "undated"]) $(id).addEventListener("change", redraw);
  $("reset").addEventListener("click", () => {
    $("from").value = dates[0] || ""; $("to").value = dates[dates.length - 1] || "";
    $("actor").value = ""; $("etype").value = ""; $("undated").checked = true; redraw();
  });
}
function name(ent) { return ent.en || ent.ar || ent.id.split("/").pop(); }
function filtered() {
  const from = $("from").value, to = $("to").value, actor = $("actor").value, etype = $("etype").value;
  const undated = $("undated").checked, out = [];
  V.forEach((ev, i) => {
    const d = eventDate(ev);
    if (d ? (from && d < from) || (to && d > to) : !undated) return;
    if (etype && ev.type !== etype) return;
    if (actor !== "" && !ev.a.includes(+actor) && !ev.t.includes(+actor)) return;
    out.push(i);
  });
  return out;
}

// ---------- aggregation (mirrors builder.viz.project) ----------
const UNK = E.findIndex((e) => e.id === UNKNOWN);
function attackPairs(ev) {
  const as = ev.a.length ? ev.a : [UNK], out = [];
  let ts = ev.t.length ? ev.t : ev.p.filter((p) => !ev.a.includes(p));
  if (!ts.length) ts = [UNK];
  for (const a of as) for (const t of ts) if (!(a === UNK && t === UNK) && a !== t && a >= 0 && t >= 0) out.push([a, t]);
  return out;
}
function aggregate(evs) {
  const edges = new Map(), nodes = new Set(), firstEdge = new Map();
  const bump = (a, t, w, kind, i) => {
    const key = kind === "attack" ? `${a}|${t}|${w}` : `${a}|${t}|at`;
    if (!edges.has(key)) edges.set(key, {key, a, t, w, kind, events: []});
    edges.get(key).events.push(i); nodes.add(a); nodes.add(t);
    return key;
  };
  for (const i of evs) {
    const ev = V[i];
    ev.a.concat(ev.t, ev.p).forEach((j) => nodes.add(j));
    attackPairs(ev).forEach(([a, t], n) => { const k = bump(a, t, ev.weapon, "attack", i); if (n === 0) firstEdge.set(i, k); });
    for (const t of ev.t) for (const p of ev.p) if (t !== p) bump(t, p, null, "at", i);
  }
  const inSet = new Set(evs), rets = new Map();
  for (const [i, j] of D.retaliation) {
    if (!inSet.has(i) || !inSet.has(j)) continue;
    const k1 = firstEdge.get(i), k2 = firstEdge.get(j);
    if (!k1 || !k2 || k1 === k2) continue;
    const key = k1 + ">" + k2;
    if (!rets.has(key)) rets.set(key, {key, from: k1, to: k2, pairs: []});
    rets.get(key).pairs.push([i, j]);
  }
  return {edges, nodes, rets};
}

// ---------- network ----------
const NW = 1000, NH = 640, PAD = 60;
let view = {x: 0, y: 0, w: NW, h: NH}, current = null;
const px = (e) => PAD + e.x * (NW - 2 * PAD), py = (e) => PAD + e.y * (NH - 2 * PAD);
function curve(x1, y1, x2, y2, bend) {
  const mx = (x1 + x2) / 2, my = (y1 + y2) / 2, dx = x2 - x1, dy = y2 - y1, len = Math.hypot(dx, dy) || 1;
  const cx = mx - dy / len * bend, cy = my + dx / len * bend;
  return {d: `M${x1.toFixed(1)},${y1.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${x2.toFixed(1)},${y2.toFixed(1)}`,
          mx: (x1 + 2 * cx + x2) / 4, my: (y1 + 2 * cy + y2) / 4};
}
function arText(ent, x, y, cls) {
  return ent.ar ? `<text class="${cls} ar" x="${x}" y="${y}" direction="rtl" unicode-bidi="embed" text-anchor="middle">${esc(ent.ar)}</text>` : "";
}
function renderNetwork(agg) {
  const counts = new Map();
  agg.edges.forEach((e) => { e.events.forEach(() => 0); [e.a, e.t].forEach((n) => counts.set(n, (counts.get(n) || 0) + e.events.length)); });
  const group = new Map(), mids = new Map();
  let edgesSvg = "", retSvg = "", nodesSvg = "";
  for (const e of agg.edges.values()) {
    const pair = e.a < e.t ? `${e.a}|${e.t}` : `${e.t}|${e.a}`;
    const n = group.get(pair) || 0; group.set(pair, n + 1);
    const sign = e.a < e.t ? 1 : -1, bend = sign * (n % 2 ? -1 : 1) * (12 + 14 * Math.floor((n + 1) / 2));
    const c = curve(px(E[e.a]), py(E[e.a]), px(E[e.t]), py(E[e.t]), e.kind === "at" ? 0 : bend);
    mids.set(e.key, c);
    const width = e.kind === "at" ? 1 : Math.min(1.2 + Math.log2(e.events.length) * 1.3, 8);
    const stroke = e.kind === "at" ? "#aaaaaa" : color(WEAPON_COLORS, e.w);
    edgesSvg += `<path class="edge ${e.kind}" data-key="${e.key}" data-count="${e.events.length}" d="${c.d}" stroke="${stroke}"` +
      ` stroke-width="${width.toFixed(1)}" marker-end="url(#arrow-${e.kind === "at" ? "at" : esc(e.w in WEAPON_COLORS ? e.w : "unknown")})"><title>${
      esc(e.kind === "at" ? "located at" : e.w)} × ${e.events.length}</title></path>`;
  }
  for (const r of agg.rets.values()) {
    const a = mids.get(r.from), b = mids.get(r.to);
    const c = curve(a.mx, a.my, b.mx, b.my, 40);
    retSvg += `<path class="edge retaliation" data-key="${r.key}" data-count="${r.pairs.length}" d="${c.d}" marker-end="url(#arrow-ret)"><title>retaliation × ${r.pairs.length}</title></path>`;
  }
  const many = agg.nodes.size > 250;
  for (const i of agg.nodes) {
    const ent = E[i], x = px(ent), y = py(ent), r = 5 + Math.min(Math.sqrt(counts.get(i) || 1) * 2, 18);
    const label = !many || (counts.get(i) || 0) >= 10;
    nodesSvg += `<g class="node" data-i="${i}" transform="translate(${x.toFixed(1)},${y.toFixed(1)})"><circle r="${r.toFixed(1)}" fill="${color(TYPE_COLORS, ent.type)}"/>` +
      (label ? arText(ent, 0, -r - 4, "lbl") + (ent.en ? `<text class="lbl en" y="${(r + 12).toFixed(1)}" text-anchor="middle">${esc(ent.en)}</text>` : "") : "") +
      `<title>${esc(name(ent))}</title></g>`;
  }
  $("net-edges").innerHTML = edgesSvg; $("net-rets").innerHTML = retSvg; $("net-nodes").innerHTML = nodesSvg;
  $("net-count").textContent = `${agg.nodes.size} nodes, ${[...agg.edges.values()].filter((e) => e.kind === "attack").length} attack edges, ${agg.rets.size} retaliation links`;
}
function setupNetworkEvents() {
  const svg = $("network-svg");
  let drag = null;
  const toSvg = (ev) => { const r = svg.getBoundingClientRect(); return [view.x + (ev.clientX - r.left) / r.width * view.w, view.y + (ev.clientY - r.top) / r.height * view.h]; };
  svg.addEventListener("click", (ev) => {
    if (drag && drag.moved) return;
    const g = ev.target.closest(".node"), p = ev.target.closest(".edge");
    if (g) showEntity(+g.dataset.i);
    else if (p && p.classList.contains("retaliation")) showRetaliation(current.rets.get(p.dataset.key));
    else if (p) showEdge(current.edges.get(p.dataset.key));
  });
  svg.addEventListener("mousedown", (ev) => {
    const g = ev.target.closest(".node");
    drag = {node: g ? +g.dataset.i : null, start: toSvg(ev), view: {...view}, moved: false};
  });
  window.addEventListener("mousemove", (ev) => {
    if (!drag) return;
    const [x, y] = toSvg(ev);
    if (Math.abs(x - drag.start[0]) + Math.abs(y - drag.start[1]) > 3) drag.moved = true;
    if (!drag.moved) return;
    if (drag.node !== null) {
      E[drag.node].x = (x - PAD) / (NW - 2 * PAD); E[drag.node].y = (y - PAD) / (NH - 2 * PAD);
      requestAnimationFrame(() => renderNetwork(current));
    } else {
      view.x = drag.view.x - (x - drag.start[0]) * 0.999; view.y = drag.view.y - (y - drag.start[1]) * 0.999;
      applyView(); drag.start = toSvg(ev); drag.view = {...view};
    }
  });
  window.addEventListener("mouseup", () => { setTimeout(() => { drag = null; }, 0); });
  svg.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const [x, y] = toSvg(ev), f = ev.deltaY > 0 ? 1.15 : 1 / 1.15;
    view = {x: x - (x - view.x) * f, y: y - (y - view.y) * f, w: view.w * f, h: view.h * f}; applyView();
  }, {passive: false});
  $("zoom-reset").addEventListener("click", () => { view = {x: 0, y: 0, w: NW, h: NH}; applyView(); });
}
function applyView() { $("network-svg").setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`); }

// ---------- details ----------
function eventHtml(i, role) {
  const ev = V[i], names = (xs) => xs.map((j) => `<span class="ent">${E[j].ar ? `<bdi dir="rtl" lang="ar">${esc(E[j].ar)}</bdi>` : ""}${E[j].en ? ` <span class="en">${esc(E[j].en)}</span>` : ""}</span>`).join(", ") || "—";
  const date = ev.date ? esc(ev.date) : ev.pub ? `${esc(ev.pub)} <span class="muted">(report date)</span>` : "undated";
  const link = ev.url ? `<a href="${esc(ev.url)}" target="_blank" rel="noopener noreferrer">${esc(ev.url)}</a>` : "";
  const counts = [ev.killed != null ? `killed ${ev.killed}` : "", ev.injured != null ? `injured ${ev.injured}` : "",
    ev.hedged ? "hedged" : "", ev.foiled ? "foiled" : ""].filter(Boolean).join(", ");
  return `<div class="fact" data-event="${esc(ev.id)}"><div class="fact-head"><b>${esc(ev.type)}</b> · ${esc(ev.weapon)} · ${date}${role ? ` · <i>${esc(role)}</i>` : ""}</div>` +
    `<div>attacker: ${names(ev.a)}</div><div>target: ${names(ev.t)}</div>${ev.p.length ? `<div>place: ${names(ev.p)}</div>` : ""}` +
    (counts ? `<div>${esc(counts)}</div>` : "") +
    `<blockquote class="evidence" dir="rtl" lang="ar">${esc(S[ev.s] || "")}</blockquote>` +
    `<div class="source">${ev.outlet ? esc(ev.outlet) + " · " : ""}${ev.doc ? "article " + esc(ev.doc) : ""}${ev.pub ? " · published " + esc(ev.pub) : ""}${link ? " · " + link : ""}</div>` +
    `<div class="iri">${esc(ev.id)}</div></div>`;
}
function listEvents(items) {
  const shown = items.slice(0, 100);
  return shown.map(([i, role]) => eventHtml(i, role)).join("") + (items.length > shown.length ? `<p class="muted">… and ${items.length - shown.length} more</p>` : "");
}
function entityHead(ent) {
  return `<h3>${ent.ar ? `<bdi dir="rtl" lang="ar">${esc(ent.ar)}</bdi> ` : ""}${ent.en ? `<span class="en">${esc(ent.en)}</span>` : ""}</h3>` +
    `<div class="muted">${esc(ent.type)} · <span class="iri">${esc(ent.id)}</span>${ent.lon != null ? ` · ${ent.lat.toFixed(3)}, ${ent.lon.toFixed(3)}${ent.approx ? " (approx.)" : ""}` : ""}</div>`;
}
function showEntity(i) {
  const items = [];
  for (const j of filtered()) {
    const ev = V[j];
    const role = ev.a.includes(i) ? "attacker" : ev.t.includes(i) ? "target" : ev.p.includes(i) ? "place" :
      (i === UNK && attackPairs(ev).some(([a, t]) => a === i || t === i)) ? "unknown side" : null;
    if (role) items.push([j, role]);
  }
  $("details").innerHTML = entityHead(E[i]) + `<p>${items.length} event(s)</p>` + listEvents(items);
}
function showEdge(e) {
  const head = e.kind === "at" ? "located at" : `attack by ${esc(e.w)}`;
  $("details").innerHTML = `<h3>${head} × ${e.events.length}</h3>` + `<div>${esc(name(E[e.a]))} → ${esc(name(E[e.t]))}</div>` +
    listEvents(e.events.map((i) => [i, null]));
}
function showRetaliation(r) {
  $("details").innerHTML = `<h3>retaliation × ${r.pairs.length}</h3>` + r.pairs.map(([i, j]) =>
    `<div class="pair"><p class="muted">this attack…</p>${eventHtml(i)}<p class="muted">…answers this one</p>${eventHtml(j)}</div>`).join("");
}
function showEvent(i) { $("details").innerHTML = "<h3>event</h3>" + eventHtml(i); }

// ---------- timeline ----------
function renderTimeline(evs) {
  const W = 1000, base = 150, step = 7, col = 7, room = 126;  // room: pixels a column of marks may rise
  const dated = evs.filter((i) => eventDate(V[i])), undated = evs.filter((i) => !eventDate(V[i]));
  const days = dated.map((i) => Date.parse(eventDate(V[i])));
  const lo = Math.min(...days), hi = Math.max(...days), span = Math.max(hi - lo, 864e5);
  const x0 = 40, x1 = undated.length ? W - 90 : W - 30;
  const xOf = (t) => x0 + (t - lo) / span * (x1 - x0);
  // Every event gets a mark: a column too tall for the room packs its marks closer instead of dropping
  // some, and says how many it holds (all undated events share one column, so it fills first).
  const column = new Map(), sizes = new Map(), pos = new Map();
  dated.forEach((i) => column.set(i, Math.round(xOf(Date.parse(eventDate(V[i]))) / col)));
  undated.forEach((i) => column.set(i, Math.round((W - 45) / col)));
  column.forEach((b) => sizes.set(b, (sizes.get(b) || 0) + 1));
  const stacked = new Map();
  column.forEach((b, i) => {
    const k = stacked.get(b) || 0, n = sizes.get(b);
    stacked.set(b, k + 1);
    pos.set(i, [b * col, +(base - 8 - k * (n > 1 ? Math.min(step, room / (n - 1)) : step)).toFixed(1)]);
  });
  let marks = "", overflow = "";
  for (const i of evs) {
    const [x, y] = pos.get(i), ev = V[i];
    const hollow = !ev.date;
    marks += `<circle class="event${hollow ? " hollow" : ""}" data-i="${i}" cx="${x}" cy="${y}" r="3.2" ${hollow ? `fill="white" stroke="${color(EVENT_COLORS, ev.type)}"` : `fill="${color(EVENT_COLORS, ev.type)}"`}><title>${esc(ev.type)} ${esc(eventDate(ev) || "undated")}</title></circle>`;
  }
  sizes.forEach((n, b) => { if ((n - 1) * step > room) overflow += `<text class="more" x="${b * col}" y="${base - 12 - room}" text-anchor="middle">${n}</text>`; });
  const inSet = new Set(evs);
  let rets = "", nRet = 0;
  for (const [i, j] of D.retaliation) {
    if (!inSet.has(i) || !inSet.has(j)) continue;
    const [xa, ya] = pos.get(i), [xb, yb] = pos.get(j), h = Math.min(70, Math.max(24, Math.abs(xa - xb) / 3));
    rets += `<path class="ret" d="M${xa},${ya} C${xa},${base + h} ${xb},${base + h} ${xb},${yb}" marker-end="url(#arrow-tl)"><title>retaliation</title></path>`;
    nRet++;
  }
  let axis = `<line x1="${x0}" x2="${x1}" y1="${base}" y2="${base}" class="axis"/>`;
  if (dated.length) for (let k = 0; k <= 6; k++) {
    const t = lo + span * k / 6, x = xOf(t);
    axis += `<line x1="${x}" x2="${x}" y1="${base}" y2="${base + 5}" class="axis"/><text class="tick" x="${x}" y="${base + 18}" text-anchor="middle">${new Date(t).toISOString().slice(0, 10)}</text>`;
  }
  if (undated.length) axis += `<text class="tick" x="${W - 45}" y="${base + 18}" text-anchor="middle">undated</text>`;
  $("timeline-svg").innerHTML = `<defs><marker id="arrow-tl" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#c0392b"/></marker></defs>` +
    `<g class="rets">${rets}</g>${axis}<g class="marks">${marks}${overflow}</g>`;
  $("timeline-count").textContent = `${evs.length} events (${undated.length} undated), ${nRet} retaliation links; hollow = dated by the report`;
}

// ---------- map ----------
function renderMap(evs) {
  const W = 1000, H = 520, P = 50, count = new Map();
  for (const i of evs) { const ev = V[i]; new Set(ev.a.concat(ev.t, ev.p)).forEach((j) => count.set(j, (count.get(j) || 0) + 1)); }
  const pts = [...count.keys()].filter((j) => E[j].lon != null);
  if (!pts.length) { $("map-svg").innerHTML = `<text x="20" y="40" class="muted">no place with coordinates in these events</text>`; $("map-count").textContent = "0 places"; return; }
  let [w, e, s, n] = [180, -180, 90, -90];
  pts.forEach((j) => { w = Math.min(w, E[j].lon); e = Math.max(e, E[j].lon); s = Math.min(s, E[j].lat); n = Math.max(n, E[j].lat); });
  const padDeg = Math.max((e - w) * 0.15, (n - s) * 0.15, 0.5); w -= padDeg; e += padDeg; s -= padDeg; n += padDeg;
  const kx = Math.cos((s + n) / 2 * Math.PI / 180), widen = ((n - s) * (W - 2 * P) / (H - 2 * P) / kx - (e - w)) / 2;
  if (widen > 0) { w -= widen; e += widen; }  // fill the frame: show more longitude rather than blank margins
  const scale = Math.min((W - 2 * P) / ((e - w) * kx), (H - 2 * P) / (n - s));
  const X = (lon) => P + (lon - w) * kx * scale, Y = (lat) => H - P - (lat - s) * scale;
  const stepDeg = [0.25, 0.5, 1, 2, 5, 10, 20].find((d) => (e - w) / d <= 10) || 30;
  let grid = "";
  for (let lon = Math.ceil(w / stepDeg) * stepDeg; lon <= e; lon += stepDeg)
    grid += `<line class="grid" x1="${X(lon)}" x2="${X(lon)}" y1="${Y(s)}" y2="${Y(n)}"/><text class="tick" x="${X(lon)}" y="${Y(s) + 14}" text-anchor="middle">${+lon.toFixed(2)}°E</text>`;
  for (let lat = Math.ceil(s / stepDeg) * stepDeg; lat <= n; lat += stepDeg)
    grid += `<line class="grid" x1="${X(w)}" x2="${X(e)}" y1="${Y(lat)}" y2="${Y(lat)}"/><text class="tick" x="${X(w) - 4}" y="${Y(lat) + 4}" text-anchor="end">${+lat.toFixed(2)}°N</text>`;
  const atPoint = new Map();
  let marks = "";
  pts.sort((a, b) => count.get(b) - count.get(a)).forEach((j) => {
    const ent = E[j], key = ent.lon.toFixed(3) + "," + ent.lat.toFixed(3), k = atPoint.get(key) || 0; atPoint.set(key, k + 1);
    const ang = k * 2.4, rad = k ? 14 + 9 * Math.sqrt(k) : 0;
    const x = X(ent.lon) + Math.cos(ang) * rad, y = Y(ent.lat) + Math.sin(ang) * rad, r = 3 + Math.min(Math.sqrt(count.get(j)) * 2.2, 16);
    marks += `<g class="place" data-i="${j}" transform="translate(${x.toFixed(1)},${y.toFixed(1)})"><circle class="place${ent.approx ? " approx" : ""}" r="${r.toFixed(1)}" fill="${color(TYPE_COLORS, ent.type)}"/>` +
      arText(ent, 0, -r - 3, "maplbl") + `<title>${esc(name(ent))}: ${count.get(j)} event(s)${ent.approx ? " — position of the area it lies in" : ""}</title></g>`;
  });
  $("map-svg").innerHTML = `<rect class="sea" x="${X(w)}" y="${Y(n)}" width="${X(e) - X(w)}" height="${Y(s) - Y(n)}"/>${grid}<g>${marks}</g>`;
  $("map-count").textContent = `${pts.length} places with coordinates (dashed = approximate, from the area it lies in)`;
}

// ---------- main ----------
function legend() {
  const item = (c, t, cls) => `<span class="key"><i class="${cls}" style="background:${c}"></i>${esc(t)}</span>`;
  const types = [...new Set(E.map((e) => e.type))];
  const weapons = [...new Set(V.map((e) => e.weapon))];
  $("legend").innerHTML = "<b>nodes</b> " + types.map((t) => item(color(TYPE_COLORS, t), t, "dot")).join("") +
    " <b>attacks</b> " + weapons.map((w) => item(color(WEAPON_COLORS, w), w, "line")).join("") +
    item("#c0392b", "retaliation (answers →)", "line dashed") + item("#aaaaaa", "located at", "line");
  const defs = Object.keys(WEAPON_COLORS).map((w) => [w, WEAPON_COLORS[w]]).concat([["at", "#aaaaaa"], ["ret", "#c0392b"]]);
  $("net-defs").innerHTML = defs.map(([k, c]) => `<marker id="arrow-${k}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${c}"/></marker>`).join("");
}
function redraw() {
  const t0 = performance.now(), evs = filtered();
  current = aggregate(evs);
  renderNetwork(current); renderTimeline(evs); renderMap(evs);
  document.body.dataset.renderMs = Math.round(performance.now() - t0);
  document.body.dataset.ready = "1";
}
setupFilters(); legend(); setupNetworkEvents(); applyView();
$("timeline-svg").addEventListener("click", (ev) => { const c = ev.target.closest("circle.event"); if (c) showEvent(+c.dataset.i); });
$("map-svg").addEventListener("click", (ev) => { const g = ev.target.closest("g.place"); if (g) showEntity(+g.dataset.i); });
redraw();
})();
"""
