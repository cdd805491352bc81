package criteria

import (
	"github.com/shopspring/decimal"

	"parindex/internal/exact"
)

// Explain says how the rule read v, in lang, without the points that
// follow it: "tỷ lệ 87,5% thuộc khoảng từ 80% đến dưới 90%". band is the
// band Score reported. v is a value the rule scored, never N/A.
func (c *Compiled) Explain(v Value, band int, lang Lang) string {
	return c.k.explain(explaining{c: c, lang: lang}, v, band)
}

// explaining is what a kind's explain reads, with the helpers every kind
// words its values with.
type explaining struct {
	c    *Compiled
	lang Lang
}

func (e explaining) say(vi, en string, args ...string) string { return Say(e.lang, vi, en, args...) }

// points writes an amount of points: "0,5 điểm", "1 point", "0.5 points".
func (e explaining) points(d decimal.Decimal) string { return PointsText(d, e.lang) }

func (e explaining) isPercent() bool { return e.c.Met.ShownAsPercent() }

// num writes a rule parameter in the metric's unit: "80%" or "3".
func (e explaining) num(d decimal.Decimal) string {
	s := FormatNumber(d, e.lang)
	if e.isPercent() {
		s += "%"
	}
	return s
}

// value writes the value read: a ratio to decimals+2 places, trailing
// zeros dropped.
func (e explaining) value(v Value) string {
	s := v.RoundText(e.c.dec+2, e.lang)
	if e.isPercent() {
		s += "%"
	}
	return s
}

// labelled writes the value with what it is: "tỷ lệ 87,5%", "số lượng 3".
func (e explaining) labelled(v Value) string {
	switch {
	case e.isPercent():
		return e.say("tỷ lệ %s", "rate %s", e.value(v))
	case e.c.Met.Type == Count:
		return e.say("số lượng %s", "count %s", e.value(v))
	}
	return e.say("giá trị %s", "value %s", e.value(v))
}

// words returns the leaf's fixed phrases in e's language, made on first
// use.
func (e explaining) words() *leafWords {
	i := 0
	if e.lang != Vietnamese {
		i = 1
	}
	c := e.c
	c.wordsOnce[i].Do(func() {
		w := &c.words[i]
		if bw, ok := c.k.(bandWorder); ok {
			for _, b := range c.Rule.Bands {
				w.bands = append(w.bands, bw.bandWords(e, b))
			}
		}
		if c.hasBest {
			w.best, w.worst = e.value(c.best), e.value(c.worst)
			w.same = CompareValues(c.best, c.worst) == 0
		}
	})
	return &c.words[i]
}

// bandWorder is a kind whose explanations name bands.
type bandWorder interface {
	bandWords(e explaining, b Band) string
}

// CompareValues compares two numbers exactly: -1, 0 or +1.
func CompareValues(a, b Value) int {
	if qa, qb := a.Q(), b.Q(); qa.OK && qb.OK {
		return exact.Cmp(qa, qb)
	}
	return a.Rat().Cmp(b.Rat())
}
