// Package metrics reads the metric values of an assessment (SPEC §4) from a
// CSV file, an xlsx workbook, or a folder of per-unit files, and matches the
// unit names written in them against units.yaml.
//
// # Sources
//
// A wide table ([Read] on a .csv or .xlsx file) has a header row, "unit"
// then metric ids, and one row a unit. A folder holds one file a unit, rows
// of "metric, value" with optional further columns (evidence, notes) that
// are kept as [Table.Notes].
//
// # Problems
//
// Every problem in the input is collected and returned at once as
// [criteria.Problems], each carrying its file and line (CSV) or cell
// (xlsx). A CSV file that is not UTF-8 gives one problem for the whole file,
// with a hint to save it as "CSV UTF-8".
//
// # Names
//
// A [Matcher] finds a unit by id, name or alias: exactly first (ignoring
// case, spacing and normalisation form), then ignoring Vietnamese
// diacritics.
package metrics
