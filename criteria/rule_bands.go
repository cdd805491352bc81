package criteria

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"parindex/internal/exact"
)

// bandsKind: the points of the first band, in the order listed, whose
// bounds all hold; 0 if none holds.
type bandsKind struct{}

var bandKeys = []string{"gte", "gt", "lte", "lt", "points"}

func (bandsKind) name() string            { return "bands" }
func (bandsKind) keys() []string          { return []string{"bands"} }
func (bandsKind) reads(t MetricType) bool { return numeric(t) }
func (bandsKind) needs() string           { return numericNeeds }

// MaxBands is the most bands one criterion may have: a scoring guide
// has a handful, and a result records the band that held in two bytes.
const MaxBands = 1000

func (bandsKind) load(l *loader, r *Rule, a ruleArgs) bool {
	e, has := a.m["bands"]
	if !has {
		l.addf(a.n.Line, "%smissing required key \"bands\"", a.what)
		return false
	}
	items := l.list(e.val, a.what+"bands: ")
	if len(items) == 0 {
		if e.val.Kind == yaml.SequenceNode {
			l.addf(e.val.Line, "%sbands: the list is empty", a.what)
		}
		return false
	}
	if len(items) > MaxBands {
		l.addf(e.val.Line, "%s%d bands; a criterion may have at most %d", a.what, len(items), MaxBands)
		return false
	}
	good := true
	for i, it := range items {
		b, ok := l.band(it, a.node, fmt.Sprintf("%sband %d: ", a.what, i+1), strings.TrimSuffix(a.what, " "), a.maxOK)
		good = good && ok
		r.Bands = append(r.Bands, b)
	}
	return good
}

// Holds reports whether v satisfies every bound of b, exactly: a derived
// ratio is compared as the fraction it is. It is the one check of a band;
// the machine-word path of scoring agrees with it.
func (b Band) Holds(v Value) bool {
	return (!b.GTE.Valid || v.Cmp(b.GTE.Decimal) >= 0) &&
		(!b.GT.Valid || v.Cmp(b.GT.Decimal) > 0) &&
		(!b.LTE.Valid || v.Cmp(b.LTE.Decimal) <= 0) &&
		(!b.LT.Valid || v.Cmp(b.LT.Decimal) < 0)
}

// bandQ is a band in machine words.
type bandQ struct {
	bounds []boundQ
	pts    int64
}

type boundQ struct {
	op int8 // 0 ≥, 1 >, 2 ≤, 3 <
	v  exact.Q
}

func (b bandQ) holds(v exact.Q) bool {
	for _, bd := range b.bounds {
		c := exact.Cmp(v, bd.v)
		switch {
		case bd.op == 0 && c < 0, bd.op == 1 && c <= 0, bd.op == 2 && c > 0, bd.op == 3 && c >= 0:
			return false
		}
	}
	return true
}

func (bandsKind) compile(c *Compiled) error {
	var bands []bandQ
	for _, b := range c.Rule.Bands {
		pts, ok := exact.Scaled(b.Points, c.dec)
		if !ok {
			return fmt.Errorf("band points %s are out of range", b.Points)
		}
		bq := bandQ{pts: pts}
		for op, bound := range []decimal.NullDecimal{b.GTE, b.GT, b.LTE, b.LT} {
			if bound.Valid {
				v := exact.Dec(bound.Decimal)
				c.slow = c.slow || !v.OK
				bq.bounds = append(bq.bounds, boundQ{op: int8(op), v: v})
			}
		}
		bands = append(bands, bq)
	}
	c.data = bands
	return nil
}

func (bandsKind) fast(c *Compiled, v Value) (int64, int, bool) {
	x := v.Q()
	if !x.OK {
		return 0, -1, false
	}
	for i, b := range c.data.([]bandQ) {
		if b.holds(x) {
			return b.pts, i, true
		}
	}
	return 0, -1, true
}

func (bandsKind) exact(c *Compiled, v Value) (*big.Rat, int) {
	for i, b := range c.Rule.Bands {
		if b.Holds(v) {
			return b.Points.Rat(), i
		}
	}
	return new(big.Rat), -1
}

func (k bandsKind) explain(e explaining, v Value, band int) string {
	if band < 0 || band >= len(e.c.Rule.Bands) {
		return e.say("%s không thuộc khoảng nào", "%s is in no band", e.labelled(v))
	}
	return e.say("%s thuộc khoảng %s", "%s is in the band %s", e.labelled(v), e.words().bands[band])
}

// bandWords writes a band's bounds for an explanation in the words of the
// criteria listing, so that both say a band alike: "từ 80% đến dưới 90%".
func (bandsKind) bandWords(e explaining, b Band) string {
	unit := ""
	if e.isPercent() {
		unit = "%"
	}
	return bandRange(b, unit, e.lang)
}

func (bandsKind) describe(d describing) string {
	parts := make([]string, len(d.r.Bands))
	for i, b := range d.r.Bands {
		parts[i] = bandRange(b, d.unit, d.lang) + ": " + d.pts(b.Points)
	}
	return d.name + ": " + strings.Join(parts, "; ")
}

// bandRange says which values a band holds, for the criteria listing:
// "từ 1% đến dưới 3%".
func bandRange(b Band, unit string, lang Lang) string {
	f := func(d decimal.NullDecimal) string { return FormatNumber(d.Decimal, lang) + unit }
	say := func(vi, en string, args ...string) string { return Say(lang, vi, en, args...) }
	switch {
	case b.GTE.Valid && b.LTE.Valid && b.GTE.Decimal.Equal(b.LTE.Decimal):
		return say("bằng %s", "exactly %s", f(b.GTE))
	case b.GTE.Valid && b.LT.Valid:
		return say("từ %s đến dưới %s", "from %s to below %s", f(b.GTE), f(b.LT))
	case b.GTE.Valid && b.LTE.Valid:
		return say("từ %s đến %s", "from %s to %s", f(b.GTE), f(b.LTE))
	case b.GT.Valid && b.LT.Valid:
		return say("trên %s đến dưới %s", "above %s and below %s", f(b.GT), f(b.LT))
	case b.GT.Valid && b.LTE.Valid:
		return say("trên %s đến %s", "above %s up to %s", f(b.GT), f(b.LTE))
	case b.GTE.Valid:
		return say("từ %s trở lên", "%s or more", f(b.GTE))
	case b.GT.Valid:
		return say("trên %s", "above %s", f(b.GT))
	case b.LTE.Valid:
		return say("không quá %s", "%s or less", f(b.LTE))
	case b.LT.Valid:
		return say("dưới %s", "below %s", f(b.LT))
	}
	return say("còn lại", "otherwise")
}

// band reads one band: its bounds and its points.
func (l *loader) band(n *yaml.Node, node *Node, what, bandsWhat string, maxOK bool) (Band, bool) {
	var b Band
	m := l.mapping(n, what, bandKeys...)
	if m == nil {
		return b, false
	}
	good := true
	bounds := map[string]*decimal.NullDecimal{"gte": &b.GTE, "gt": &b.GT, "lte": &b.LTE, "lt": &b.LT}
	for _, k := range bandKeys[:4] {
		if e, has := m[k]; has {
			d, ok := l.number(e.val, what+k+": ")
			*bounds[k] = decimal.NullDecimal{Decimal: d, Valid: ok}
			good = good && ok
		}
	}
	e, has := m["points"]
	if !has {
		l.addf(n.Line, "%smissing required key \"points\"", what)
		return b, false
	}
	p, ok := l.number(e.val, what+"points: ")
	if !ok {
		return b, false
	}
	b.Points = p
	switch {
	case p.Sign() < 0:
		l.addf(e.val.Line, "%s points %s are below 0", bandsWhat, p)
		good = false
	case maxOK && p.GreaterThan(node.Max):
		l.addf(e.val.Line, "%s points %s exceed max %s", bandsWhat, p, node.Max)
		good = false
	default:
		good = l.checkPlaces(p, e.val.Line, bandsWhat+" points") && good
	}
	if good {
		good = l.checkBounds(b, m, n, what)
	}
	return b, good
}

// checkBounds reports a band with two lower or two upper bounds, or bounds
// no value can satisfy.
func (l *loader) checkBounds(b Band, m map[string]entry, n *yaml.Node, what string) bool {
	if b.GTE.Valid && b.GT.Valid {
		l.addf(m["gt"].key.Line, "%sgive one lower bound, gte or gt, not both", what)
		return false
	}
	if b.LTE.Valid && b.LT.Valid {
		l.addf(m["lt"].key.Line, "%sgive one upper bound, lte or lt, not both", what)
		return false
	}
	lo, loKey, strictLo := b.GTE, "gte", false
	if b.GT.Valid {
		lo, loKey, strictLo = b.GT, "gt", true
	}
	hi, hiKey, strictHi := b.LTE, "lte", false
	if b.LT.Valid {
		hi, hiKey, strictHi = b.LT, "lt", true
	}
	if !lo.Valid || !hi.Valid {
		return true
	}
	c := lo.Decimal.Cmp(hi.Decimal)
	if c > 0 || c == 0 && (strictLo || strictHi) {
		l.addf(n.Line, "%sno value is %s %s and %s %s", what, loKey, lo.Decimal, hiKey, hi.Decimal)
		return false
	}
	return true
}
