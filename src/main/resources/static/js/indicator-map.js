// The map of located decision points: country outlines from the vendored world-atlas (TopoJSON,
// offline) drawn as SVG in a plain equirectangular projection, and one marker per decision point,
// coloured by its status. The list beside the map carries the same content for keyboard and screen
// reader users; focusing a marker or a list entry highlights its counterpart.
(function () {
  "use strict";
  const SVG = "http://www.w3.org/2000/svg";
  const WIDTH = 960;
  const HEIGHT = 540;

  function bounds(points) {
    if (points.length === 0) {
      return { west: -180, east: 180, south: -90, north: 90 };
    }
    let west = Math.min(...points.map((p) => p.lon)) - 8;
    let east = Math.max(...points.map((p) => p.lon)) + 8;
    let south = Math.min(...points.map((p) => p.lat)) - 5;
    let north = Math.max(...points.map((p) => p.lat)) + 5;
    // Keep the map's aspect: widen whichever span is too small for 16:9.
    const lonSpan = Math.max(east - west, 24);
    const latSpan = Math.max(north - south, (lonSpan * HEIGHT) / WIDTH);
    const finalLon = Math.max(lonSpan, (latSpan * WIDTH) / HEIGHT);
    const midLon = (west + east) / 2;
    const midLat = (south + north) / 2;
    return {
      west: midLon - finalLon / 2,
      east: midLon + finalLon / 2,
      south: midLat - latSpan / 2,
      north: midLat + latSpan / 2,
    };
  }

  function projector(b) {
    const kx = WIDTH / (b.east - b.west);
    const ky = HEIGHT / (b.north - b.south);
    return (lon, lat) => [((lon - b.west) * kx).toFixed(1), ((b.north - lat) * ky).toFixed(1)];
  }

  function ringPath(ring, project) {
    return ring.map((c, i) => (i === 0 ? "M" : "L") + project(c[0], c[1]).join(" ")).join("") + "Z";
  }

  function geometryPath(geometry, project) {
    if (!geometry) {
      return "";
    }
    const polygons = geometry.type === "Polygon" ? [geometry.coordinates]
      : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
    return polygons.map((polygon) => polygon.map((ring) => ringPath(ring, project)).join("")).join("");
  }

  function element(name, attributes) {
    const e = document.createElementNS(SVG, name);
    Object.entries(attributes).forEach(([k, v]) => e.setAttribute(k, v));
    return e;
  }

  function highlight(key, on) {
    document.querySelectorAll('[data-key="' + CSS.escape(key) + '"]').forEach((e) => {
      e.classList.toggle(e.tagName.toLowerCase() === "a" ? "dp-active" : "dp-marker--active", on);
    });
  }

  function draw(container, world, points) {
    const project = projector(bounds(points));
    const svg = element("svg", { viewBox: "0 0 " + WIDTH + " " + HEIGHT, "aria-hidden": "false" });
    const countries = topojson.feature(world, world.objects.countries).features;
    const land = element("g", { class: "dp-countries" });
    countries.forEach((country) => {
      const d = geometryPath(country.geometry, project);
      if (d) {
        const path = element("path", { d: d, class: "dp-country" });
        const title = element("title", {});
        title.textContent = (country.properties && country.properties.name) || "";
        path.appendChild(title);
        land.appendChild(path);
      }
    });
    svg.appendChild(land);
    points.forEach((p) => {
      const [x, y] = project(p.lon, p.lat);
      const marker = element("circle", {
        cx: x, cy: y, r: 9, tabindex: "0", role: "img",
        class: "dp-marker dp-status--" + p.status.toLowerCase(),
        "data-key": p.key,
        "aria-label": p.place + ": " + p.title + ", " + p.statusLabel,
      });
      const title = element("title", {});
      title.textContent = p.place + ": " + p.title + " (" + p.statusLabel + ")";
      marker.appendChild(title);
      marker.addEventListener("focus", () => highlight(p.key, true));
      marker.addEventListener("blur", () => highlight(p.key, false));
      marker.addEventListener("click", () => {
        const row = document.getElementById("dp-" + p.key);
        if (row) {
          row.scrollIntoView({ behavior: "smooth", block: "center" });
        }
      });
      svg.appendChild(marker);
      const label = element("text", { x: Number(x) + 13, y: Number(y) + 4, class: "dp-label" });
      label.textContent = p.place;
      svg.appendChild(label);
    });
    container.replaceChildren(svg);
    container.dataset.drawn = String(points.length);
  }

  function start() {
    const container = document.getElementById("indicator-map");
    if (!container || typeof topojson === "undefined") {
      return;
    }
    const points = JSON.parse(container.dataset.points || "[]");
    document.querySelectorAll(".dp-map-list a[data-key]").forEach((a) => {
      a.addEventListener("focus", () => highlight(a.dataset.key, true));
      a.addEventListener("blur", () => highlight(a.dataset.key, false));
    });
    fetch(container.dataset.world, { credentials: "same-origin" })
      .then((response) => {
        if (!response.ok) {
          throw new Error("outlines: HTTP " + response.status);
        }
        return response.json();
      })
      .then((world) => draw(container, world, points))
      .catch((e) => {
        container.dataset.error = e.message;
      });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
