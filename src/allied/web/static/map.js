// The home map through time: recolour the inline SVG from the embedded timeline.
// Without JavaScript the page still works: the form reloads it for a date.
(function () {
  "use strict";
  const DAY = 86400000;
  const timeline = JSON.parse(document.getElementById("timeline").textContent);
  const first = Date.parse(timeline.first + "T00:00:00Z");
  const slider = document.getElementById("slider");
  const dateInput = document.getElementById("on");
  const label = document.getElementById("on-label");
  const paths = Array.from(document.querySelectorAll("#map path[data-id]"));
  const play = document.getElementById("play");
  let timer = null;

  // Cumulative states after each step, so any date is one binary search away.
  const dates = [];
  const states = [];
  let state = {};
  for (const step of timeline.steps) {
    state = Object.assign({}, state, step.set);
    for (const key of step.unset) delete state[key];
    dates.push(step.date);
    states.push(state);
  }

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

  function draw(iso) {
    const index = lastIndexAtOrBefore(dates, iso);
    const now = index >= 0 ? states[index] : {};
    const perCategory = {};
    for (const path of paths) {
      const relation = now[path.dataset.id] || "none";
      if (path.dataset.relation !== relation) path.dataset.relation = relation;
    }
    for (const key in now) perCategory[now[key]] = (perCategory[now[key]] || 0) + 1;
    for (const out of document.querySelectorAll("output[data-count]")) {
      out.value = perCategory[out.dataset.count] || 0;
    }
    for (const out of document.querySelectorAll("output[data-framework-count]")) {
      const series = timeline.counts[out.dataset.frameworkCount] || [];
      const at = lastIndexAtOrBefore(series.map((e) => e.date), iso);
      out.value = at >= 0 ? series[at].count : 0;
    }
    for (const link of document.querySelectorAll("a.roster")) {
      link.href = "/frameworks/" + link.dataset.framework + "?on=" + iso;
    }
    for (const span of document.querySelectorAll(".on-date")) span.textContent = iso;
    label.textContent = iso;
    dateInput.value = iso;
    document.getElementById("map").dataset.on = iso;
    history.replaceState(null, "", "?on=" + iso);
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

  for (const el of document.querySelectorAll(".js-only")) el.hidden = false;
  slider.addEventListener("input", () => draw(isoOf(Number(slider.value))));
  dateInput.addEventListener("change", () => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(dateInput.value)) setOffset(offsetOf(dateInput.value));
  });
  document.getElementById("prev").addEventListener("click", () => jump(-1));
  document.getElementById("next").addEventListener("click", () => jump(1));
  play.addEventListener("click", toggle);
  document.getElementById("map").dataset.ready = "true";
})();
