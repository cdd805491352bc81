// Package criteria holds a PAR-index criteria set (bộ tiêu chí) and the units
// it assesses, as plain Go values, and loads both from YAML.
//
// # The model
//
// A [Set] declares the [Metric] inputs its rules read and a tree of [Node]
// values: fields (lĩnh vực) → criteria (tiêu chí) → sub-criteria, to any
// depth. A leaf carries a maximum and a [Rule]; a parent sums its children
// and may cap them. A [Unit] is one district, department or commune.
//
// # Loading
//
// [Load] and [LoadUnits] read criteria.yaml and units.yaml. Every problem is
// reported at once as a [Problems] list, each [Problem] carrying the file and
// line it is on, as "criteria.yaml:42: node \"3.2\": bands: points 1.5
// exceed max 1", and a [Problem.Hint] where one helps (a did-you-mean for
// a mistyped key, rule type or metric id). Numbers are read from the text
// of the file, never through a float, and must be plain decimals
// ("0.25", not "1e-1" or "0,25").
//
// Where SPEC §2–3 is silent, Load decides so:
//   - a metric's name defaults to its id; a metric id holds letters,
//     digits, "_", "." and "-" (it heads a CSV column);
//   - a ratio metric takes no default: it has no cell of its own;
//   - tier mins lie in 0..100 and fall strictly, highest first;
//   - a capped parent's leaves, at any depth, share one source;
//   - a set needs at least one ordinary (not bonus or penalty) field;
//   - a unit may repeat its own id or name among its aliases;
//   - a unit id has at most [MaxUnitIDLength] characters and is not a name
//     Windows keeps for a device (con, nul, com1…), since it names the
//     unit's workbook (SPEC §12).
//
// A file is at most [MaxFileSize] bytes; [ReadYAML] reads one through that
// limit, so that a huge or endless file is never held. A YAML syntax error
// is reported at the line a person must fix — not where the YAML library
// places it, the start of the enclosing block — in plain words with a hint
// (a tab, a line out of column, an unquoted colon, an unclosed quote).
// Messages quote at most a few dozen characters of any value.
//
// # Values
//
// A [Value] is one metric value for one unit: a number, a yes/no, or not
// applicable. [Metric.Parse] reads one from the text of a cell.
package criteria
