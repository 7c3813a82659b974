// The home map through time: recolour the inline SVG from the embedded timeline.
// Without JavaScript the page still works: the form reloads it for a date.
(function () {
  "use strict";
  const DAY = 86400000;
  const timeline = JSON.parse(document.getElementById("timeline").textContent);
  const legend = JSON.parse(document.getElementById("legend-data").textContent);
  const labels = {};
  for (const entry of legend) labels[entry.key] = entry.label;
  const first = Date.parse(timeline.first + "T00:00:00Z");
  const map = document.getElementById("map");
  const slider = document.getElementById("slider");
  const dateInput = document.getElementById("on");
  const label = document.getElementById("on-label");
  const paths = Array.from(document.querySelectorAll("#map path[data-id]"));
  const play = document.getElementById("play");
  const twin = document.querySelector("a.twin");
  const alternate = document.querySelector('link[rel="alternate"]');
  let timer = null;

  // Cumulative states after each step, so any date is one binary search away.
  // A value reads "category[/suspended] since" for a state, "category[/suspended] @SOVEREIGN"
  // for a dependent territory drawn with its sovereign.
  const dates = [];
  const states = [];
  let state = {};
  for (const step of timeline.steps) {
    state = Object.assign({}, state, step.set);
    for (const key of step.unset) delete state[key];
    dates.push(step.date);
    states.push(state);
  }
  const countSeries = {};
  for (const slug in timeline.counts) {
    countSeries[slug] = { dates: timeline.counts[slug].map((e) => e.date), counts: timeline.counts[slug].map((e) => e.count) };
  }
  // The operations layer: each operation's span and the shapes (by name) its area names.
  const SVG = "http://www.w3.org/2000/svg";
  const operations = JSON.parse(document.getElementById("operations-data").textContent);
  const layer = document.getElementById("op-layer");
  const layerButton = document.getElementById("layer-operations");
  const opsPanel = document.getElementById("ops-panel");
  const opsLegend = document.getElementById("ops-legend");
  const opsList = document.getElementById("ops-list");
  const opsCount = document.getElementById("ops-count");
  const pathOfName = {};
  for (const path of paths) pathOfName[path.dataset.name] = path;
  let showOperations = new URLSearchParams(window.location.search).get("layer") === "operations";
  const codeOf = {};
  for (const path of paths) if (path.dataset.actor) codeOf[path.dataset.id] = path.dataset.actor;

  function lastIndexAtOrBefore(list, iso) {
    let lo = 0, hi = list.length - 1, found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid] <= iso) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found;
  }

  function isoOf(offset) {
    return new Date(first + offset * DAY).toISOString().slice(0, 10);
  }

  function tipOf(path, value) {
    const name = path.dataset.name;
    if (!value) return name + ": no tie in the dataset";
    const [shade, detail] = value.split(" ");
    const [category, status] = shade.split("/");
    const suffix = status === "suspended" ? " (suspended)" : "";
    if (detail.startsWith("@")) return name + ": " + labels[category] + ", with its sovereign" + suffix;
    return name + ": " + labels[category] + " since " + detail + suffix;
  }

  // Whether an operation ran on a day, as Period.holds_on answers it: "yes", "maybe" or null.
  function runningOn(op, iso) {
    if (op.start_last <= iso && (op.end_first === null || iso < op.end_first)) return "yes";
    if (op.start_first <= iso && (op.end_last === null || iso < op.end_last)) return "maybe";
    return null;
  }

  function operationItem(op, iso) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = "/operations/" + op.slug + "?on=" + iso;
    link.textContent = op.name;
    const where = document.createElement("span");
    where.className = "note";
    where.textContent = op.area;
    item.append(link, " ", where);
    return item;
  }

  function drawOperations(iso) {
    const running = operations.map((op) => [op, runningOn(op, iso)]).filter(([, c]) => c);
    opsCount.value = running.length;
    const items = running.map(([op]) => operationItem(op, iso));
    if (!items.length) {
      const none = document.createElement("li");
      none.textContent = "None on this date.";
      items.push(none);
    }
    opsList.replaceChildren(...items);
    layer.replaceChildren();
    if (!showOperations) return;
    const drawn = {};
    for (const [op, certainty] of running) {
      for (const place of op.places) {
        const path = pathOfName[place];
        if (!path) continue;
        const title = path.firstElementChild;
        if (!drawn[place]) {
          const copy = document.createElementNS(SVG, "path");
          copy.setAttribute("d", path.getAttribute("d"));
          copy.dataset.place = place;
          copy.dataset.certain = "false";
          copy.dataset.operations = "";
          layer.appendChild(copy);
          drawn[place] = copy;
          if (title) title.textContent += "; NATO-led: ";
        } else if (title) {
          title.textContent += ", ";
        }
        const copy = drawn[place];
        if (certainty === "yes") copy.dataset.certain = "true";
        copy.dataset.operations = (copy.dataset.operations + " " + op.slug).trim();
        if (title) title.textContent += op.name + (certainty === "yes" ? "" : " (may have run)");
      }
    }
  }

  function setOperations(on) {
    showOperations = on;
    layerButton.setAttribute("aria-pressed", String(on));
    opsPanel.hidden = !on;
    opsLegend.hidden = !on;
    const iso = label.textContent;
    for (const path of paths) {
      const title = path.firstElementChild;
      if (title) title.textContent = title.textContent.split("; NATO-led: ")[0];
    }
    drawOperations(iso);
    history.replaceState(null, "", queryOf(iso));
    // The date form keeps the layer too, so "Show" reloads the page as it is drawn.
    const form = document.querySelector("form.controls");
    let kept = form.querySelector('input[name="layer"]');
    if (on && !kept) {
      kept = document.createElement("input");
      kept.type = "hidden";
      kept.name = "layer";
      kept.value = "operations";
      form.prepend(kept);
    } else if (!on && kept) {
      kept.remove();
    }
  }

  function queryOf(iso) {
    return "?on=" + iso + (showOperations ? "&layer=operations" : "");
  }

  function draw(iso) {
    const index = lastIndexAtOrBefore(dates, iso);
    const now = index >= 0 ? states[index] : {};
    const perCategory = { suspended: 0 };
    for (const path of paths) {
      const value = now[path.dataset.id];
      const shade = value ? value.split(" ")[0] : "none";
      const [relation, status] = shade.split("/");
      if (path.dataset.relation !== relation) path.dataset.relation = relation;
      if (status) path.dataset.status = status; else delete path.dataset.status;
      const title = path.firstElementChild;
      if (title) title.textContent = tipOf(path, value);
    }
    for (const key in now) {
      const value = now[key];
      if (value.includes(" @")) continue; // a territory: its sovereign is counted once
      const [category, status] = value.split(" ")[0].split("/");
      perCategory[category] = (perCategory[category] || 0) + 1;
      if (status === "suspended") perCategory.suspended += 1;
    }
    for (const out of document.querySelectorAll("output[data-count]")) {
      out.value = perCategory[out.dataset.count] || 0;
    }
    for (const out of document.querySelectorAll("output[data-framework-count]")) {
      const series = countSeries[out.dataset.frameworkCount];
      const at = series ? lastIndexAtOrBefore(series.dates, iso) : -1;
      out.value = at >= 0 ? series.counts[at] : 0;
    }
    for (const link of document.querySelectorAll("a.roster")) {
      link.href = "/frameworks/" + link.dataset.framework + "?on=" + iso;
    }
    for (const span of document.querySelectorAll(".on-date")) span.textContent = iso;
    label.textContent = iso;
    dateInput.value = iso;
    slider.setAttribute("aria-valuetext", iso);
    map.dataset.on = iso;
    document.title = "NATO and its partners on " + iso + " · allied";
    if (twin) twin.href = "/api/v1/relations?on=" + iso;
    if (alternate) alternate.href = "/api/v1/relations?on=" + iso;
    drawOperations(iso);
    history.replaceState(null, "", queryOf(iso));
    if (!timer) refreshDated(iso);
  }

  // Once the slider rests, swap in the server's ties table and sources for that date.
  let pending = null;
  function refreshDated(iso) {
    clearTimeout(pending);
    pending = setTimeout(async () => {
      const response = await fetch("/?on=" + iso, { headers: { Accept: "text/html" } });
      if (!response.ok) return;
      const html = new DOMParser().parseFromString(await response.text(), "text/html");
      const fresh = html.getElementById("dated");
      if (fresh && label.textContent === iso) {
        document.getElementById("dated").replaceChildren(...fresh.childNodes);
      }
    }, 250);
  }

  function setOffset(offset) {
    slider.value = String(Math.max(0, Math.min(Number(slider.max), offset)));
    draw(isoOf(Number(slider.value)));
  }

  function offsetOf(iso) {
    return Math.round((Date.parse(iso + "T00:00:00Z") - first) / DAY);
  }

  function jump(direction) {
    const iso = isoOf(Number(slider.value));
    const target = direction > 0 ? dates.find((d) => d > iso) : [...dates].reverse().find((d) => d < iso);
    if (target) setOffset(offsetOf(target));
  }

  function toggle() {
    if (timer) {
      clearInterval(timer);
      timer = null;
      play.textContent = "▶ Play";
      play.setAttribute("aria-pressed", "false");
      refreshDated(label.textContent);
      return;
    }
    if (Number(slider.value) >= Number(slider.max)) setOffset(0);
    play.textContent = "❚❚ Pause";
    play.setAttribute("aria-pressed", "true");
    timer = setInterval(() => {
      const next = Number(slider.value) + 120;
      setOffset(next);
      if (next >= Number(slider.max)) toggle();
    }, 80);
  }

  function view(name) {
    map.setAttribute("viewBox", map.dataset[name]);
    map.dataset.view = name;
    document.getElementById("view-world").setAttribute("aria-pressed", String(name === "world"));
    document.getElementById("view-europe").setAttribute("aria-pressed", String(name === "europe"));
  }

  // A click on a country opens its page (a territory: its sovereign's) on the date shown.
  map.addEventListener("click", (event) => {
    const path = event.target.closest("path[data-id]");
    const code = path && codeOf[path.dataset.id];
    if (code) window.location.href = "/actors/" + code + "?on=" + label.textContent;
  });
  for (const path of paths) if (path.dataset.actor) path.classList.add("linked");

  for (const el of document.querySelectorAll(".js-only")) el.hidden = false;
  slider.addEventListener("input", () => draw(isoOf(Number(slider.value))));
  dateInput.addEventListener("change", () => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(dateInput.value)) setOffset(offsetOf(dateInput.value));
  });
  document.getElementById("prev").addEventListener("click", () => jump(-1));
  document.getElementById("next").addEventListener("click", () => jump(1));
  document.getElementById("view-world").addEventListener("click", () => view("world"));
  document.getElementById("view-europe").addEventListener("click", () => view("europe"));
  play.addEventListener("click", toggle);
  layerButton.addEventListener("click", () => setOperations(!showOperations));
  if (showOperations) setOperations(true);
  // On a phone the world is too small to read Europe: start there.
  if (window.matchMedia("(max-width: 600px)").matches) view("europe");
  map.dataset.ready = "true";
})();
