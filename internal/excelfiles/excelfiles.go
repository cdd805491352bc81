// Package excelfiles writes text as Excel on Vietnamese Windows saves it,
// for tests that feed parindex the files offices send: Windows-1258 (the
// plain "CSV"), UTF-16 with a byte-order mark ("Unicode Text"), and text
// a workbook opened with the wrong encoding turned into mojibake.
package excelfiles

import (
	"fmt"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// Windows1258 writes UTF-8 text as Windows-1258, the way Vietnamese
// keyboards write it there: a letter with a tone is its base letter (ê,
// ơ, ă… are single bytes) followed by a combining tone mark, so that a
// reader must compose the two.
func Windows1258(text string) ([]byte, error) {
	enc := charmap.Windows1258.NewEncoder()
	var out []byte
	for _, r := range norm.NFC.String(text) {
		var base, tones []rune
		for _, d := range norm.NFD.String(string(r)) {
			switch d {
			case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323':
				tones = append(tones, d)
			default:
				base = append(base, d)
			}
		}
		b, err := enc.Bytes([]byte(norm.NFC.String(string(base)) + string(tones)))
		if err != nil {
			return nil, fmt.Errorf("%q has no Windows-1258 form: %w", r, err)
		}
		out = append(out, b...)
	}
	return out, nil
}

// UTF16 writes text as Excel's "Unicode Text" does: UTF-16 little endian
// with a byte-order mark.
func UTF16(text string) ([]byte, error) {
	return unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
}
