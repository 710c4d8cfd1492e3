// Charts from data attributes (no inline scripts: the content security policy forbids them).
// <canvas data-chart="bar" data-labels="a|b" data-values="1|2"> draws a horizontal bar chart.
(function () {
  function draw(canvas) {
    if (canvas.musterChart || typeof Chart === "undefined") {
      return;
    }
    const labels = (canvas.dataset.labels || "").split("|").filter((l) => l.length > 0);
    const values = (canvas.dataset.values || "").split("|").map(Number);
    canvas.musterChart = new Chart(canvas, {
      type: "bar",
      data: { labels: labels, datasets: [{ label: canvas.getAttribute("aria-label"), data: values, backgroundColor: "#005ea2" }] },
      options: { indexAxis: "y", animation: false, plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true } } },
    });
  }
  function drawAll() {
    document.querySelectorAll('canvas[data-chart="bar"]').forEach(draw);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
