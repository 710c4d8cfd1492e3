#!/usr/bin/env bash
# Vendor the U.S. Web Design System (@uswds/uswds) into the app's static resources.
#
# Re-runnable: src/main/resources/static/uswds is removed and recreated each run.
# Copies only what the app serves: the minified css/js, the font and image files
# that uswds.min.css actually references (so every url(...) in the css resolves),
# the icon sprite, a few individual icons, the licence and a VERSION file.
#
# Usage: scripts/vendor-uswds.sh        (from anywhere; needs npm and tar)
set -euo pipefail

USWDS_VERSION="3.14.0"
PACKAGE="@uswds/uswds@${USWDS_VERSION}"

# Individual icons from img/usa-icons/ that the app may use directly (copied if present).
EXTRA_ICONS=(
  close menu navigate_before navigate_next expand_more expand_less
  check_circle warning error info lock logout person search swap_horiz
  home security schedule
)

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="${REPO_ROOT}/src/main/resources/static/uswds"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

echo "Fetching ${PACKAGE} ..."
(cd "$WORK" && npm pack --silent "$PACKAGE" >/dev/null)
TARBALL="$(find "$WORK" -maxdepth 1 -name '*.tgz' | head -n 1)"
[[ -n "$TARBALL" ]] || { echo "npm pack produced no tarball" >&2; exit 1; }
tar -xzf "$TARBALL" -C "$WORK"
PKG="${WORK}/package"
DIST="${PKG}/dist"

actual_version="$(node -p "require('${PKG}/package.json').version" 2>/dev/null \
  || sed -n 's/^  "version": "\([^"]*\)".*/\1/p' "${PKG}/package.json")"
if [[ "$actual_version" != "$USWDS_VERSION" ]]; then
  echo "Expected version ${USWDS_VERSION}, got ${actual_version}" >&2
  exit 1
fi

rm -rf "$DEST"
mkdir -p "$DEST"

# copy_rel PATH: copy dist/PATH to DEST/PATH, keeping the relative path.
copy_rel() {
  local rel="$1"
  if [[ ! -f "${DIST}/${rel}" ]]; then
    echo "Missing in package: dist/${rel}" >&2
    return 1
  fi
  mkdir -p "$(dirname "${DEST}/${rel}")"
  cp "${DIST}/${rel}" "${DEST}/${rel}"
}

# css_refs CSSFILE: print every file referenced by url(...) in the css, as a path
# relative to dist/ (the css lives in css/, so "../x" -> "x"). Skips empty url()
# (used in @supports feature queries) and data: URIs; drops ?query and #fragment.
css_refs() {
  grep -oE 'url\([^)]*\)' "$1" \
    | sed -E 's/^url\(//; s/\)$//; s/^[[:space:]]*["'\'']?//; s/["'\'']?[[:space:]]*$//' \
    | grep -v -E '^$|^data:' \
    | sed -E 's/[?#].*$//' \
    | sed -E 's#^\.\./##' \
    | sort -u
}

# 1. Minified css and js.
copy_rel css/uswds.min.css
copy_rel js/uswds.min.js
copy_rel js/uswds-init.min.js

# 2. Fonts and images referenced by the css (keeps ../fonts/... and ../img/... resolvable).
while IFS= read -r ref; do
  case "$ref" in
    fonts/* | img/*) copy_rel "$ref" ;;
    *) echo "Unexpected url() reference in uswds.min.css: ${ref}" >&2; exit 1 ;;
  esac
done < <(css_refs "${DIST}/css/uswds.min.css")

# 3. The icon sprite and selected individual icons.
copy_rel img/sprite.svg
for icon in "${EXTRA_ICONS[@]}"; do
  if [[ -f "${DIST}/img/usa-icons/${icon}.svg" ]]; then
    copy_rel "img/usa-icons/${icon}.svg"
  else
    echo "Note: img/usa-icons/${icon}.svg not in ${PACKAGE}, skipped"
  fi
done

# 4. Licence and version marker.
cp "${PKG}/LICENSE.md" "${DEST}/LICENSE.md"
printf '%s\n' "$USWDS_VERSION" > "${DEST}/VERSION"

# 5. Verify: every url() in the vendored css resolves to a vendored file.
missing=0
while IFS= read -r ref; do
  if [[ ! -f "${DEST}/${ref}" ]]; then
    echo "Unresolved css reference: ../${ref}" >&2
    missing=1
  fi
done < <(css_refs "${DEST}/css/uswds.min.css")
[[ "$missing" -eq 0 ]] || exit 1

# 6. Summary.
echo "Vendored ${PACKAGE} into ${DEST#"${REPO_ROOT}"/}"
(cd "$DEST" && find . -type f | sed -E 's#/[^/]*$##; s#^\./##; s#^\.$#(top level)#' | sort | uniq -c)
total_bytes="$(find "$DEST" -type f -exec cat {} + | wc -c)"
echo "Total: $(find "$DEST" -type f | wc -l) files, ${total_bytes} bytes ($(du -sh "$DEST" | cut -f1) on disk)"
