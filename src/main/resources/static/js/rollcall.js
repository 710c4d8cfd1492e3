// Draws the roll-call chart from its canvas's data-chart (accounted % against minutes since the
// start, with the target line), and again each time htmx brings a fresh progress section. Holds
// back the list's own refresh while its switch is off or someone is answering in it (the focus is
// inside the list, a row's status was changed and not yet recorded, or a row's answer is on its way).
(() => {
  const colours = { all: "#005ea2", com: "#00a91c", target: "#d54309" };

  function draw(canvas) {
    if (typeof Chart === "undefined") {
      return;
    }
    const data = JSON.parse(canvas.dataset.chart);
    const previous = Chart.getChart(canvas);
    if (previous) {
      previous.destroy();
    }
    const last = data.points.length ? data.points[data.points.length - 1][0] : 0;
    const end = Math.max(data.targetMinutes, Math.ceil(data.elapsed), last, 1);
    const target = [{ x: 0, y: 0 }, { x: data.targetMinutes, y: data.targetPercent }];
    if (end > data.targetMinutes) {
      target.push({ x: end, y: data.targetPercent });
    }
    const datasets = [
      { label: "Everyone accounted (%)", data: data.points.map((p) => ({ x: p[0], y: p[1] })),
        borderColor: colours.all, backgroundColor: colours.all, pointRadius: 2, tension: 0 },
    ];
    if (data.chiefOfMission > 0) {
      datasets.push({ label: "Chief-of-mission personnel accounted (%)", data: data.points.map((p) => ({ x: p[0], y: p[2] })),
        borderColor: colours.com, backgroundColor: colours.com, pointRadius: 2, tension: 0 });
    }
    datasets.push({ label: "Target", data: target, borderColor: colours.target, backgroundColor: colours.target,
      borderDash: [6, 4], pointRadius: 0 });
    new Chart(canvas, {
      type: "line",
      data: { datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { type: "linear", min: 0, max: end, title: { display: true, text: "Minutes since the start" } },
          y: { min: 0, max: 100, title: { display: true, text: "Accounted for (%)" } },
        },
        plugins: { legend: { position: "bottom" } },
      },
    });
  }

  function drawAll() {
    document.querySelectorAll("canvas[data-chart]").forEach(draw);
  }

  document.addEventListener("DOMContentLoaded", drawAll);
  document.addEventListener("htmx:afterSettle", (event) => {
    if (event.target.querySelector && event.target.querySelector("canvas[data-chart]")) {
      drawAll();
    } else if (event.target.matches && event.target.matches("#rollcall-progress")) {
      drawAll();
    }
  });

  // Someone is answering in the list: the focus is inside it, a row's status differs from the one it
  // was drawn with, or a row's answer is on its way.
  function answering(list) {
    if (list.contains(document.activeElement) && document.activeElement !== list) {
      return true;
    }
    if (list.querySelector("form.htmx-request")) {
      return true;
    }
    return Array.from(list.querySelectorAll("select")).some((select) =>
      Array.from(select.options).some((option) => option.selected !== option.defaultSelected));
  }

  function heldBack(list) {
    const live = document.getElementById("rollcall-live");
    return (live && !live.checked) || answering(list);
  }

  function isList(element) {
    return element && element.id === "rollcall-people";
  }

  // Checked when a refresh would start, and again when its answer would replace the list (the officer
  // may have begun answering while it was on its way).
  document.addEventListener("htmx:beforeRequest", (event) => {
    if (isList(event.detail.elt) && heldBack(event.detail.elt)) {
      event.preventDefault();
    }
  });
  document.addEventListener("htmx:beforeSwap", (event) => {
    if (isList(event.detail.elt) && heldBack(event.detail.elt)) {
      event.detail.shouldSwap = false;
    }
  });
})();
