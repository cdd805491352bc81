// Package workspace assembles one assessment folder — criteria.yaml,
// units.yaml, the metric values, the optional self-assessment and last
// year's result — into a scored [scoring.Result].
//
// # Why a package of its own
//
// SPEC §1 makes a folder the unit of work: every command takes it as its
// argument and lets flags point at each file instead. Resolving those
// paths, reading every file once (with its SHA-256 for the report), and
// collecting the problems of all files into one list is the same work for
// the command line and for tests, and it belongs to neither criteria,
// metrics nor scoring, which never open a file by a name they chose.
// Keeping it here leaves cmd/parindex thin: parse flags, call [Load], print.
//
// # Writing outputs
//
// Every output is written by parindex/internal/atomicfile: to a temporary
// file beside the target, synced, then renamed, so that a failure never
// leaves a partial file and never touches an existing one; it refuses to
// write over one of the run's inputs, which [Workspace.InputPaths] lists.
// A symbolic link is written through, and a device or pipe directly. A run
// killed outright cannot clean up: each temporary file's name carries the
// id of the process writing it, and a later write of the same output
// removes those whose process no longer runs. An output whose folder is
// missing is refused before anything is written, naming the folder.
//
// # Warnings
//
// [Workspace.Score] adds to the result's Warnings what looks wrong but
// does not stop scoring: a previous.json from another year or criteria
// set, units absent from it or from the self-assessment, and percentages
// that look typed as fractions.
package workspace
