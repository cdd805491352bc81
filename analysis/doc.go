// Package analysis asks questions of a scoring result: how the ranking
// would change under other assumptions. It reads a [scoring.Result] and
// never changes it; the figures it returns are for reports and meetings,
// not part of the official ranking.
package analysis
