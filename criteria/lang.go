package criteria

// Lang is the language of text meant for people: explanations, rules in
// words, report labels.
type Lang string

// The languages parindex speaks.
const (
	Vietnamese Lang = "vi"
	English    Lang = "en"
)
