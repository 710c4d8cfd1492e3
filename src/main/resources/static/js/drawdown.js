// Draws the drawdown chart from its canvas's data-drawdown (chief-of-mission personnel remaining at
// post each day, with the core-presence target as a dashed line): on the posture page at load, and on
// the dashboard when htmx brings the card in.
(() => {
  const colours = { remaining: "#005ea2", departed: "#73b3e7", target: "#d54309" };

  function draw(canvas) {
    if (typeof Chart === "undefined" || Chart.getChart(canvas)) {
      return;
    }
    const data = JSON.parse(canvas.dataset.drawdown);
    const labels = data.points.map((p) => p[0]);
    const datasets = [
      { type: "line", label: "Remaining at post", data: data.points.map((p) => p[1]),
        borderColor: colours.remaining, backgroundColor: colours.remaining, pointRadius: 3, tension: 0 },
      { type: "bar", label: "Departed that day", data: data.points.map((p) => p[2]),
        backgroundColor: colours.departed },
    ];
    if (data.target !== null) {
      datasets.push({ type: "line", label: "Core-presence target", data: labels.map(() => data.target),
        borderColor: colours.target, backgroundColor: colours.target, borderDash: [6, 4],
        // A single day has no line to draw: mark the target with a dash instead.
        pointStyle: "line", pointRadius: labels.length === 1 ? 40 : 0, pointBorderWidth: 2 });
    }
    new Chart(canvas, {
      data: { labels, datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, title: { display: true, text: "People" } } },
        plugins: { legend: { position: "bottom" } },
      },
    });
  }

  function drawAll() {
    document.querySelectorAll("canvas[data-drawdown]").forEach(draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
  document.addEventListener("htmx:afterSettle", drawAll);
})();
