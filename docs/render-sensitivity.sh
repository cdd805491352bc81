#!/bin/sh
# render-sensitivity.sh regenerates docs/report-do-nhay.png and
# docs/report-do-nhay-chart.png: the table and the chart of the Độ nhạy
# sheet of the demo workspace's report (score --sensitivity), as
# LibreOffice prints them. Needs Go, LibreOffice (soffice) and
# poppler-utils (pdftoppm, pdftotext).
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go run ./cmd/parindex score fixtures/quangnam-2019 --sensitivity -o "$tmp/report.xlsx" >/dev/null 2>&1
soffice "-env:UserInstallation=file://$tmp/profile" --headless \
	--convert-to pdf --outdir "$tmp" "$tmp/report.xlsx" >/dev/null
# The sheet's first printed page is the first that carries its heading.
pages=$(pdfinfo "$tmp/report.pdf" | awk '/^Pages:/ {print $2}')
page=1
while [ "$page" -le "$pages" ]; do
	if pdftotext -f "$page" -l "$page" "$tmp/report.pdf" - | grep -q "Độ nhạy của xếp hạng"; then
		break
	fi
	page=$((page + 1))
done
# The chart's page is the first after it that carries the chart's title.
chart=$((page + 1))
while [ "$chart" -le "$pages" ]; do
	if pdftotext -f "$chart" -l "$chart" "$tmp/report.pdf" - | grep -q "Hạng công bố"; then
		break
	fi
	chart=$((chart + 1))
done
pdftoppm -png -r 80 -f "$page" -l "$page" -singlefile "$tmp/report.pdf" docs/report-do-nhay
pdftoppm -png -r 80 -f "$chart" -l "$chart" -singlefile "$tmp/report.pdf" docs/report-do-nhay-chart
echo "wrote docs/report-do-nhay.png and docs/report-do-nhay-chart.png (pages $page and $chart of $pages)"
