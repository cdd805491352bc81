package criteria

import (
	"strconv"
	"unicode/utf8"
)

// QuoteLimit is the most characters of a value that a message quotes: a
// cell of ten million digits must not become a ten-megabyte message.
const QuoteLimit = 40

// Short returns text cut to QuoteLimit characters, with "…" when cut. It
// reads no further than it keeps, however long text is.
func Short(text string) string {
	i := 0
	for n := 0; i < len(text); n++ {
		if n == QuoteLimit {
			return text[:i] + "…"
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return text
}

// Quote returns text quoted as %q quotes it, cut to QuoteLimit characters
// first: every value a message shows goes through it.
func Quote(text string) string { return strconv.Quote(Short(text)) }
