#!/usr/bin/env bash
# Vendor the Mermaid ESM build into docs/assets/vendor/mermaid/ so the site
# never fetches Mermaid from a CDN (see docs/assets/javascripts/mermaid-loader.js).
#
# Usage: scripts/vendor_mermaid.sh VERSION      e.g. scripts/vendor_mermaid.sh 12.3.0
#
# Reproducible: an exact version is required, the tarball comes from the npm
# registry via `npm pack` (npm checks the registry's integrity hash), and the
# vendored files are byte-identical copies of the package's files. What is kept:
#   mermaid.esm.min.mjs                  ESM entry point (~31 kB)
#   chunks/mermaid.esm.min/*.mjs         code-split chunks; the browser fetches
#                                        only those a given diagram type needs
#   LICENSE, VERSION, SHA256SUMS         provenance; verify with
#                                        (cd docs/assets/vendor/mermaid && sha256sum -c SHA256SUMS)
# Source maps, the UMD bundle (mermaid.min.js, ~1.6 MB gzip, all-or-nothing)
# and the unminified builds are not vendored.
set -euo pipefail

version="${1:-}"
if [[ ! "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "usage: $0 X.Y.Z   (exact mermaid version; see: npm view mermaid version)" >&2
  exit 2
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$root/docs/assets/vendor/mermaid"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Download the published tarball (no install, no lifecycle scripts).
(cd "$tmp" && npm pack --silent "mermaid@$version" >/dev/null)
tarball="$tmp/mermaid-$version.tgz"
[[ -f "$tarball" ]] || { echo "npm pack did not produce $tarball" >&2; exit 1; }
mkdir "$tmp/x"
tar -xzf "$tarball" -C "$tmp/x" --no-same-owner --no-same-permissions
pkg="$tmp/x/package"

got="$(node -p 'require(process.argv[1]).version' "$pkg/package.json")"
[[ "$got" == "$version" ]] || { echo "tarball is version $got, expected $version" >&2; exit 1; }
[[ -f "$pkg/dist/mermaid.esm.min.mjs" && -d "$pkg/dist/chunks/mermaid.esm.min" ]] \
  || { echo "mermaid@$version has no dist/mermaid.esm.min.mjs ESM build" >&2; exit 1; }

# Replace the previous vendored copy wholesale (chunk names are content hashes,
# so stale chunks would otherwise accumulate).
rm -rf "$dest"
mkdir -p "$dest/chunks/mermaid.esm.min"
cp "$pkg/dist/mermaid.esm.min.mjs" "$dest/"
find "$pkg/dist/chunks/mermaid.esm.min" -maxdepth 1 -type f -name '*.mjs' \
  -exec cp -t "$dest/chunks/mermaid.esm.min/" {} +
cp "$pkg/LICENSE" "$dest/LICENSE"
printf '%s\n' "$version" > "$dest/VERSION"

# Every relative module specifier ("./x.mjs" / "../x.mjs") in the vendored code
# must resolve to a vendored file, otherwise some diagram type would 404.
missing=0
while IFS= read -r -d '' f; do
  dir="$(dirname "$f")"
  while IFS= read -r spec; do
    [[ -f "$dir/$spec" ]] || { echo "unresolved import: $spec in ${f#"$dest"/}" >&2; missing=1; }
  done < <(grep -oE '"\.\.?/[A-Za-z0-9_./-]+\.mjs"' "$f" | tr -d '"' | sort -u)
done < <(find "$dest" -type f -name '*.mjs' -print0)
[[ "$missing" == 0 ]] || exit 1

find "$dest" -type d -exec chmod 755 {} +
find "$dest" -type f -exec chmod 644 {} +

# Checksums of every vendored file, relative paths, stable order.
(cd "$dest" && find . -type f ! -name SHA256SUMS -printf '%P\n' | LC_ALL=C sort \
  | xargs -d '\n' sha256sum > SHA256SUMS)

count="$(wc -l < "$dest/SHA256SUMS")"
size="$(du -sh "$dest" | cut -f1)"
echo "vendored mermaid@$version into ${dest#"$root"/}: $count files, $size"
echo "npm tarball sha512 integrity: $(node -e '
  const c=require("crypto"),fs=require("fs");
  console.log("sha512-"+c.createHash("sha512").update(fs.readFileSync(process.argv[1])).digest("base64"))' "$tarball")"
