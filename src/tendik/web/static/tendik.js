/* tendik dashboard: draws the chart from the JSON embedded in the page and applies the
   breakdown selector. Everything works without it: the table holds the same values. */
(function () {
  "use strict";

  function drawChart() {
    var spec = document.getElementById("chart-spec");
    var target = document.getElementById("chart");
    if (!spec || !target || !window.Plotly) {
      return;
    }
    var figure = JSON.parse(spec.textContent);
    window.Plotly.newPlot(target, figure.data, figure.layout, {
      responsive: true,
      displaylogo: false
    }).then(function () {
      target.setAttribute("data-drawn", "true");
    });
  }

  function breakdownForm() {
    var form = document.getElementById("breakdown-form");
    if (!form) {
      return;
    }
    form.addEventListener("submit", function (event) {
      var select = form.querySelector("select");
      var option = select.options[select.selectedIndex];
      var href = option && option.getAttribute("data-href");
      if (href) {
        event.preventDefault();
        window.location.assign(href);
      }
    });
  }

  function start() {
    breakdownForm();
    drawChart();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
