#!/usr/bin/env bash
# Vendor the offline base layer of the indicator map into the app's static resources:
# country outlines from world-atlas (countries-110m.json, TopoJSON, Natural Earth data) and
# topojson-client (dist/topojson-client.min.js) to turn them into GeoJSON in the browser.
#
# Re-runnable: src/main/resources/static/vendor/{world-atlas,topojson-client} are removed and
# recreated each run, with each package's licence and a VERSION file.
#
# Usage: scripts/vendor-map.sh        (from anywhere; needs npm and tar)
set -euo pipefail

WORLD_ATLAS_VERSION="2.0.2"
TOPOJSON_CLIENT_VERSION="3.1.0"

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENDOR="${REPO_ROOT}/src/main/resources/static/vendor"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# fetch NAME VERSION: unpack the npm package into $WORK/NAME and check its version.
fetch() {
  local name="$1" version="$2"
  echo "Fetching ${name}@${version} ..."
  mkdir -p "${WORK}/${name}"
  (cd "${WORK}/${name}" && npm pack --silent "${name}@${version}" >/dev/null)
  tar -xzf "$(find "${WORK}/${name}" -maxdepth 1 -name '*.tgz' | head -n 1)" -C "${WORK}/${name}"
  local actual
  actual="$(sed -n 's/^  "version": "\([^"]*\)".*/\1/p' "${WORK}/${name}/package/package.json")"
  if [[ "$actual" != "$version" ]]; then
    echo "Expected ${name} ${version}, got ${actual}" >&2
    exit 1
  fi
}

# install NAME VERSION FILE...: copy the package's files, its licence and a VERSION marker.
install() {
  local name="$1" version="$2"
  shift 2
  local pkg="${WORK}/${name}/package" dest="${VENDOR}/${name}"
  rm -rf "$dest"
  mkdir -p "$dest"
  for file in "$@"; do
    cp "${pkg}/${file}" "${dest}/$(basename "$file")"
  done
  cp "${pkg}/LICENSE" "${dest}/LICENSE"
  printf '%s\n' "$version" > "${dest}/VERSION"
}

fetch world-atlas "$WORLD_ATLAS_VERSION"
fetch topojson-client "$TOPOJSON_CLIENT_VERSION"
install world-atlas "$WORLD_ATLAS_VERSION" countries-110m.json
install topojson-client "$TOPOJSON_CLIENT_VERSION" dist/topojson-client.min.js

echo "Vendored into ${VENDOR#"${REPO_ROOT}"/}:"
(cd "$VENDOR" && find world-atlas topojson-client -type f -printf '%p %s bytes\n' | sort)
