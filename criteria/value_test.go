package criteria

import "testing"

// TestParseThousandsDot checks that a number written with Vietnamese
// thousands dots is refused with a message that says so, and that numbers
// whose dot is a decimal mark still read.
func TestParseThousandsDot(t *testing.T) {
	tests := []struct {
		typ  MetricType
		text string
		want string // the value, or the error
	}{
		{Count, "1.200", `"1.200" looks like it has a thousands separator (.): write 1200`},
		{Count, "1.000", `"1.000" looks like it has a thousands separator (.): write 1000`},
		{Count, "1.200.000", `"1.200.000" looks like it has a thousands separator (.): write 1200000`},
		{Number, "1.200.000", `"1.200.000" looks like it has a thousands separator (.): write 1200000`},
		{Points, "12.500.5", `"12.500.5" is not a number`},
		{Count, "1.2000", `"1.2000" is not a count (a whole number, 0 or more)`},
		{Count, "1234.000", "1234"}, // a first group of 4 digits is no thousands group
		{Count, "5.0", "5"},
		{Count, "0.000", "0"},    // zero with decimals: a thousands group never starts with 0
		{Number, "1.200", "1.2"}, // a decimal mark where a fraction is allowed
		{Percent, "12.500", "12.5"},
	}
	for _, tt := range tests {
		m := &Metric{ID: "m", Type: tt.typ}
		v, err := m.Parse(tt.text)
		got := v.String()
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("%s: Parse(%q) = %s, want %s", tt.typ, tt.text, got, tt.want)
		}
	}
}
