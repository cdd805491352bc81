// Package metrics reads the metric values of an assessment (SPEC §4) from a
// CSV file, an xlsx workbook, or a folder of per-unit files, and matches the
// unit names written in them against units.yaml.
//
// # Wide tables
//
// [Read] on a .csv or .xlsx file reads a wide table (in a workbook, its
// first sheet). The header is the first row whose first filled cell —
// after an STT column, which is not read — is "unit", "đơn vị" or "tên đơn
// vị"; the rows above it are titles (SPEC §12). Then one metric id a
// column; columns headed "ghi chú", "note" or "#…" are kept as the unit's
// notes in [Table.UnitNotes]. A header cell's key is its text
// up to the first line break, so a cell may carry the metric's name on a
// second line. Then one row a unit, named by id, name or alias; blank rows
// are skipped. A derived ratio is not a column: its parts are. A metric
// with no column, or an empty cell, takes the metric's default, if it has
// one.
//
// # Per-unit files
//
// [Read] on a folder reads every .csv and .xlsx file in it, one unit a
// file; hidden files, Office lock files (~$…) and Thumbs.db are skipped.
// A file's header is its first row naming a "metric" (mã chỉ số, chỉ
// tiêu) and a "value" (giá trị) column; rows above it are titles. Columns
// headed name/tên, type/loại/kiểu, đơn vị tính, giá trị cho phép and STT
// describe the rows and are ignored; any other column (evidence,
// tài liệu kiểm chứng, note, ghi chú…) is kept in [Table.Notes]. A row
// whose metric is "unit" (đơn vị) names the unit; without one, the file's
// name does.
//
// In both layouts a value in a column with no header is an error, not
// dropped: with "," as the separator it is most often a number whose
// decimal comma split its cell (12,5 read as 12), and the hint says so.
// Trailing blank cells are fine.
//
// # CSV
//
// UTF-8, with or without a byte-order mark; UTF-16 with one (Excel's
// "Unicode Text"); or Windows-1258 (Excel's plain "CSV" on Vietnamese
// Windows), its tone marks composed. Lines end in CRLF,
// LF or CR; cells are separated by ",", ";" or a tab: the character after
// the header's first cell. Where it is ";" or a tab, a comma in a number is
// its decimal mark. Cells may be quoted, and a quoted cell may span lines.
// A file that is none of these encodings gives one problem for the whole
// file, with a hint to save it as "CSV UTF-8". Text that looks like UTF-8
// read as Windows-1252 is named in the hint of the problem it causes, in
// CSV and workbooks alike.
//
// # Other tables
//
// [ReadDepartment] reads the Department's own table of the metrics marked
// filled_by: department, and [Table.Merge] adds it to the units' values.
// [ReadLastYear] reads last year's ranking from previous.csv or
// previous.xlsx.
//
// # Workbooks
//
// A numeric cell is read as stored, rounded to 15 significant digits (all
// a binary double holds: 12.300000000000001 is 12.3). A number shown as a
// percentage (0.875 shown as 87.5%) is read as shown, 87.5, for every
// metric type but bool. TRUE/FALSE cells are yes/no values. A formula's
// saved value is read; a formula with none is a problem.
//
// A workbook is read only when whole. Every part of its zip archive is
// read to its end once, within size limits, so that its CRC-32 is
// checked, before any value is read; its first sheet is then read as it
// streams, by a strict XML scanner of this package, and must be
// well-formed to its last tag. A damaged workbook is one problem for the
// whole file, never read in part.
//
// # Limits
//
// Every input is read within bounds (see limits.go and the README): a CSV
// file or workbook of at most 64 MiB, 4,000,000 cells, 16,384 cells a row,
// 32 KiB a cell. Past a limit, reading stops with a problem that names it.
// Problems are collected through [criteria.Problems.Append], which keeps
// the first [criteria.MaxListed] and counts the rest.
//
// # Problems
//
// Every problem in the input is collected and returned at once as
// [criteria.Problems], each carrying its file and line (CSV) or cell
// (xlsx): `metrics.csv:14: unit "Thị xã Điện Bàn": metric "late_rate":
// "12,5" is not a number (use . as the decimal mark)`. The table of what
// could be read comes with them, for further checks, never for scoring.
//
// # Names
//
// A [Matcher] finds a unit by id, name or alias: exactly first (ignoring
// case, spacing and normalisation form), then ignoring Vietnamese
// diacritics. No match, or several at the step that decides, is a
// [*MatchError] naming the candidates.
package metrics
