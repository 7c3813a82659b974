// Draw every Vega-Lite chart on the page: <div class="chart" data-spec="ID"> + a JSON script.
// The tables beside each chart carry the same data, so nothing is lost without JavaScript.
// Under the site's Content-Security-Policy (no eval, no inline styles) Vega evaluates its
// expressions with vega-interpreter instead of generated code, and vega-embed adds no <style>.
(function () {
  "use strict";
  for (const el of document.querySelectorAll("div.chart[data-spec]")) {
    const spec = JSON.parse(document.getElementById(el.dataset.spec).textContent);
    vegaEmbed(el, spec, {
      actions: false,
      renderer: "svg",
      defaultStyle: false,
      tooltip: { disableDefaultStyle: true },
      ast: true,
      expr: vegaInterpreter.expressionInterpreter,
    }).catch((error) => {
      el.textContent = "The chart could not be drawn: " + error.message;
    });
  }
})();
