package workspace

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"parindex/criteria"
)

// loadEnv names the folder a re-run of this test binary loads, instead of
// running the tests: a subprocess whose peak memory the test can measure.
const loadEnv = "PARINDEX_TEST_LOAD"

func TestMain(m *testing.M) {
	if dir := os.Getenv(loadEnv); dir != "" {
		_, err := Load(Paths{Dir: dir}, Everything)
		var ps criteria.Problems
		if errors.As(err, &ps) {
			fmt.Println(ps.Error())
		} else if err != nil {
			fmt.Println(err)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// maxRSS is the peak resident memory a load of a hostile input may take:
// the inputs below would take gigabytes if read whole.
const maxRSS = 150 << 20

// TestHostileInputsBounded loads workspaces whose values are built to
// exhaust memory or time, each in a subprocess, and checks that each ends
// with a problem naming the limit, within maxRSS of peak memory. The
// inputs are made without writing gigabytes: sparse files, streams through
// a named pipe, and small zip archives of long runs of repeated bytes.
func TestHostileInputsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("builds large inputs")
	}
	tests := []struct {
		name string
		file string                                 // the input made, in the workspace
		make func(t *testing.T, path string) func() // makes it; returns a wait for a feeding goroutine
		want string                                 // in the output
	}{
		{"a 1 GB metrics.csv", "metrics.csv", sparse(1 << 30), "metrics.csv: the file is larger than 64 MiB"},
		{"an endless metrics.csv through a pipe", "metrics.csv", piped(tinyRows()), "more than 4000000 cells"},
		{"a single 100 MB line through a pipe", "metrics.csv", piped(oneLine(100 << 20)), "the file is larger than 64 MiB"},
		{"a 500 MB previous.json", "previous.json", sparse(500 << 20), "previous.json: the file is larger than 256 MiB"},
		{"a 200 MB criteria.yaml", "criteria.yaml", sparse(200 << 20), "criteria.yaml: the file is larger than 4 MiB"},
		{"an endless units.yaml through a pipe", "units.yaml", piped(oneLine(1 << 30)), "units.yaml: the file is larger than 4 MiB"},
		{"a 2.5 MB zip bomb", "metrics.xlsx", workbook(sheetPartName, repeated("", "<row/>", "", 2500<<20), 1000),
			"cannot be unzipped"},
		{"a zip directory claiming 1 GB", "metrics.xlsx", workbook(sheetPartName, repeated("", "<row/>", "", 1<<10), 1<<30),
			"unzips to 1024 MiB, more than the limit of 256 MiB a part"},
		{"a shared-strings bomb", "metrics.xlsx", workbook("xl/sharedStrings.xml",
			repeated("<sst>", "<si><t>aaaaaaaaaaaaaaa</t></si>", "</sst>", 200<<20), 0),
			"shared strings unzip to 199 MiB, more than the limit of 64 MiB for them"},
		{"many small shared strings", "metrics.xlsx", workbook("xl/sharedStrings.xml",
			repeated("<sst>", "<si/>", "</sst>", 60<<20), 0),
			"more than 1000000 shared strings"},
		{"80,000 rows without references", "metrics.xlsx", workbook(sheetPartName,
			repeated(`<worksheet><sheetData><row><c t="inlineStr"><is><t>unit</t></is></c></row>`,
				`<row><c t="inlineStr"><is><t>Xã không có</t></is></c><c><v>1</v></c></row>`, `</sheetData></worksheet>`, 80_000*70), 0),
			"more problems"},
		{"a million rows of bad values", "metrics.xlsx", workbook(sheetPartName,
			repeated(`<worksheet><sheetData><row><c t="inlineStr"><is><t>unit</t></is></c><c t="inlineStr"><is><t>plan_on_time</t></is></c></row>`,
				`<row><c t="inlineStr"><is><t>An Mỹ</t></is></c><c><v>7</v></c></row>`, `</sheetData></worksheet>`, 1_048_575*64), 0),
			"more problems"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := tinyWorkspace(t, map[string]string{"metrics.csv": ""})
			path := filepath.Join(dir, tt.file)
			wait := tt.make(t, path)
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), loadEnv+"="+dir)
			start := time.Now()
			out, err := cmd.Output()
			took := time.Since(start)
			wait()
			if err != nil {
				t.Fatalf("load: %v\n%s", err, out)
			}
			rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10 // KiB on Linux
			t.Logf("%s: %v, peak RSS %d MiB, %d lines of output", tt.name, took.Round(time.Millisecond), rss>>20, bytes.Count(out, []byte("\n")))
			if !bytes.Contains(out, []byte(tt.want)) {
				t.Errorf("output does not say %q:\n%.2000s", tt.want, out)
			}
			if lines := bytes.Count(out, []byte("\n")); lines > criteria.MaxListed+1 {
				t.Errorf("%d lines of problems, more than %d", lines, criteria.MaxListed+1)
			}
			if rss > maxRSS {
				t.Errorf("peak RSS %d MiB, more than %d MiB", rss>>20, maxRSS>>20)
			}
		})
	}
}

const sheetPartName = "xl/worksheets/sheet1.xml"

// sparse makes a file of size bytes that takes no room on disk.
func sparse(size int64) func(*testing.T, string) func() {
	return func(t *testing.T, path string) func() {
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := f.Truncate(size); err != nil {
			t.Fatal(err)
		}
		return func() {}
	}
}

// piped makes a named pipe and feeds it from r until the reader stops.
func piped(r io.Reader) func(*testing.T, string) func() {
	return func(t *testing.T, path string) func() {
		os.Remove(path)
		if err := syscall.Mkfifo(path, 0o600); err != nil {
			t.Skipf("no named pipes here: %v", err)
		}
		done := make(chan struct{})
		go func() {
			defer close(done)
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			if err != nil {
				return
			}
			io.Copy(f, r) // ends when the reader closes its end
			f.Close()
		}()
		return func() {
			// A reader that never opened the pipe would leave the feeder
			// waiting: open it once, without blocking, to release it.
			if f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0); err == nil {
				f.Close()
			}
			<-done
		}
	}
}

// tinyRows is the tiny fixture's header, then its rows without end.
func tinyRows() io.Reader {
	head := "unit,plan_on_time,reports_late,dossiers_total,dossiers_late,online_share,sipas,initiatives,violations\n"
	row := "Phường An Mỹ,có,,1200,12,42.5,88.2,2,\n"
	return io.MultiReader(strings.NewReader(head), repeatReader(row))
}

// oneLine is a line of n bytes of one letter: no separator, no end.
func oneLine(n int64) io.Reader { return io.LimitReader(repeatReader("a"), n) }

// repeatReader repeats s without end.
func repeatReader(s string) io.Reader {
	block := strings.Repeat(s, max(1, (64<<10)/len(s)))
	return readerFunc(func(p []byte) (int, error) { return copy(p, block), nil })
}

type readerFunc func([]byte) (int, error)

func (f readerFunc) Read(p []byte) (int, error) { return f(p) }

// part is the deflated body of a zip part, its true size and its CRC-32.
type part struct {
	body []byte
	size uint64
	crc  func() uint32 // worked out only for a part that is read
}

// repeated deflates head, then unit repeated to about n bytes, then tail,
// without making those bytes: one deflated block of units is repeated,
// which is valid deflate because each copy refers back only to units.
func repeated(head, unit, tail string, n int) func(*testing.T) part {
	return func(t *testing.T) part {
		seg := func(text string, last bool) []byte {
			var b bytes.Buffer
			w, _ := flate.NewWriter(&b, flate.BestCompression)
			w.Write([]byte(text))
			if last {
				w.Close()
			} else {
				w.Flush()
			}
			return b.Bytes()
		}
		chunk := strings.Repeat(unit, max(1, (1<<20)/len(unit)))
		copies := max(1, n/len(chunk))
		var body bytes.Buffer
		body.Write(seg(head, false))
		block := seg(chunk, false)
		for range copies {
			body.Write(block)
		}
		body.Write(seg(tail, true))
		crc := func() uint32 {
			h := crc32.NewIEEE()
			h.Write([]byte(head))
			for range copies {
				h.Write([]byte(chunk))
			}
			h.Write([]byte(tail))
			return h.Sum32()
		}
		return part{body: body.Bytes(), size: uint64(len(head) + copies*len(chunk) + len(tail)), crc: crc}
	}
}

// workbook writes a small workbook whose part name is p, deflated, under
// the size claim (0: its true size).
func workbook(name string, p func(*testing.T) part, claim uint64) func(*testing.T, string) func() {
	return func(t *testing.T, path string) func() {
		os.Remove(filepath.Join(filepath.Dir(path), "metrics.csv"))
		pt := p(t)
		var crc uint32 // a part that lies about its size is never checked
		if claim == 0 {
			claim, crc = pt.size, pt.crc()
		}
		parts := map[string]string{
			"_rels/.rels":                `<Relationships><Relationship Id="r" Type="x/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
			"xl/workbook.xml":            `<workbook xmlns:r="urn:r"><sheets><sheet name="S" r:id="s"/></sheets></workbook>`,
			"xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="s" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
			sheetPartName:                `<worksheet><sheetData/></worksheet>`,
		}
		var out bytes.Buffer
		zw := zip.NewWriter(&out)
		for _, n := range []string{"_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", sheetPartName, "xl/sharedStrings.xml"} {
			if n == name {
				w, err := zw.CreateRaw(&zip.FileHeader{Name: n, Method: zip.Deflate,
					CompressedSize64: uint64(len(pt.body)), UncompressedSize64: claim, CRC32: crc})
				if err != nil {
					t.Fatal(err)
				}
				w.Write(pt.body)
				continue
			}
			if text, ok := parts[n]; ok {
				w, _ := zw.Create(n)
				w.Write([]byte(text))
			}
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return func() {}
	}
}
