// hclcheck parses every .tf file under the given directories (or the given files) with HashiCorp's own HCL
// parser (hclparse, from Debian's golang-github-hashicorp-hcl-v2-dev) and prints each diagnostic as
// "file:line:col: severity: summary: detail". It also formats each file with hclwrite.Format (the formatter
// behind `terraform fmt`) and reports files whose text would change as "file:line: unformatted". It prints a
// summary line "hclcheck: N files, E errors, W warnings, U unformatted" and exits 1 when any error or
// unformatted file was found, 2 on usage errors.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclwrite"
)

// firstDifference returns the 1-based line where a and b first differ.
func firstDifference(a, b []byte) int {
	line := 1
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return line
		}
		if a[i] == '\n' {
			line++
		}
	}
	return line
}

func collect(arg string) ([]string, error) {
	info, err := os.Stat(arg)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return []string{arg}, nil
	}
	var files []string
	err = filepath.Walk(arg, func(path string, fi os.FileInfo, walkErr error) error {
		if walkErr != nil {
			return walkErr
		}
		if !fi.IsDir() && strings.HasSuffix(path, ".tf") {
			files = append(files, path)
		}
		return nil
	})
	return files, err
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: hclcheck DIR|FILE...")
		os.Exit(2)
	}
	var files []string
	for _, arg := range os.Args[1:] {
		found, err := collect(arg)
		if err != nil {
			fmt.Fprintf(os.Stderr, "hclcheck: %v\n", err)
			os.Exit(2)
		}
		files = append(files, found...)
	}
	sort.Strings(files)
	parser := hclparse.NewParser()
	errors, warnings, unformatted := 0, 0, 0
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			fmt.Fprintf(os.Stderr, "hclcheck: %v\n", err)
			os.Exit(2)
		}
		if formatted := hclwrite.Format(src); string(formatted) != string(src) {
			unformatted++
			fmt.Printf("%s:%d: unformatted: terraform fmt would change this file\n", file, firstDifference(src, formatted))
		}
		_, diags := parser.ParseHCLFile(file)
		for _, d := range diags {
			where := file
			if d.Subject != nil {
				where = fmt.Sprintf("%s:%d:%d", d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column)
			}
			severity := "warning"
			if d.Severity == hcl.DiagError {
				severity = "error"
				errors++
			} else {
				warnings++
			}
			fmt.Printf("%s: %s: %s: %s\n", where, severity, d.Summary, d.Detail)
		}
	}
	fmt.Printf("hclcheck: %d files, %d errors, %d warnings, %d unformatted\n", len(files), errors, warnings, unformatted)
	if errors > 0 || unformatted > 0 {
		os.Exit(1)
	}
}
