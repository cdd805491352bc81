// Package web serves one assessment folder as local web pages for the
// officer who runs the ranking (SPEC §14): the ranking as the workbook's
// Tổng hợp sheet shows it, the fields, one page per unit with a what-if
// form, the criteria set, and the problems of the inputs when they have
// any. A metrics, self-assessment or decisions file can be dropped on the
// Files page; the report, the template and the JSON result download from
// it.
//
// # Files on disk
//
// Every page reflects the folder as it is when the page loads: before
// answering, the server compares the size and modification time of every
// input (and of every file a per-unit folder holds) with those of its last
// load, and loads and scores the workspace again when any differs. An
// officer edits metrics.xlsx in Excel, saves, and reloads the page.
//
// # Safety
//
// Nothing a request sends names a path: the pages read the workspace's
// fixed inputs, and an upload chooses only which of the fixed inputs it
// replaces. Every form post carries a token issued with the page (403
// without it); bodies over [MaxBody] are refused (413); on a loopback
// address, requests naming another host are refused, so that a web page
// elsewhere cannot reach the server through a name of its own. Every text
// is escaped by html/template, and a Content-Security-Policy allows only
// the server's own embedded style sheet and script.
package web
