#!/bin/sh
# render-report.sh regenerates the pictures of the report in docs/: the
# first printed page of Tổng hợp for the 2019 demo, and for the 2025
# commune demo (fixtures/xa-2025) Tổng hợp, Theo lĩnh vực, and a unit's
# own report — its first page and its unit sheet — as LibreOffice prints
# them.
# Needs Go, LibreOffice (soffice) and poppler-utils (pdftoppm, pdfinfo).
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pdf() { # pdf FILE.xlsx: writes FILE.pdf beside it
	soffice "-env:UserInstallation=file://$tmp/profile" --headless \
		--convert-to pdf --outdir "$(dirname "$1")" "$1" >/dev/null
}
# page PDF TEXT: the number of the first page whose text holds TEXT
page() {
	n=$(pdfinfo "$1" | awk '/^Pages:/ {print $2}')
	for i in $(seq 1 "$n"); do
		if pdftotext -f "$i" -l "$i" "$1" - | grep -q "$2"; then echo "$i"; return; fi
	done
	echo 1
}
go run ./cmd/parindex score fixtures/quangnam-2019 -o "$tmp/report.xlsx" >/dev/null
pdf "$tmp/report.xlsx"
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$tmp/report.pdf" docs/report-tong-hop

mkdir "$tmp/xa"
go run ./cmd/parindex score fixtures/xa-2025 -o "$tmp/xa/report.xlsx" --unit-sheets 0 \
	--per-unit-reports "$tmp/xa/units" >/dev/null
pdf "$tmp/xa/report.xlsx"
# Phường Mỹ Đông issued no plan: a level, a gate and a KPS on its sheet
pdf "$tmp/xa/units/phuong-05.xlsx"
x="$tmp/xa/report.pdf"
pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$x" docs/xa-2025-tong-hop
p=$(page "$x" "Theo lĩnh vực")
pdftoppm -png -r 70 -f "$p" -l "$p" -singlefile "$x" docs/xa-2025-theo-linh-vuc
u="$tmp/xa/units/phuong-05.pdf"
pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$u" docs/xa-2025-bao-cao-don-vi
p=$(page "$u" "Giá trị")
pdftoppm -png -r 70 -f "$p" -l "$p" -singlefile "$u" docs/xa-2025-don-vi
echo "wrote docs/report-tong-hop.png and docs/xa-2025-*.png"
