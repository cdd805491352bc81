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
// line it is on.
//
// # Values
//
// A [Value] is one metric value for one unit: a number, a yes/no, or not
// applicable. [Metric.Parse] reads one from the text of a cell.
package criteria
