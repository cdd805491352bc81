#!/bin/sh
# render-report.sh regenerates docs/report-tong-hop.png: the first printed
# page of the Tổng hợp sheet of the demo workspace's report, as LibreOffice
# prints it. Needs Go, LibreOffice (soffice) and poppler-utils (pdftoppm).
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go run ./cmd/parindex score fixtures/quangnam-2019 -o "$tmp/report.xlsx" >/dev/null
soffice "-env:UserInstallation=file://$tmp/profile" --headless \
	--convert-to pdf --outdir "$tmp" "$tmp/report.xlsx" >/dev/null
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$tmp/report.pdf" docs/report-tong-hop
echo "wrote docs/report-tong-hop.png"
