// Command parindex scores, ranks and reports a Public Administration Reform
// index (Chỉ số cải cách hành chính) for the units of a province, from one
// assessment folder: criteria.yaml, units.yaml and the metric values.
//
// Run "parindex --help" for the commands, or see README.md.
package main

import "os"

func main() { os.Exit(int(Main())) }
