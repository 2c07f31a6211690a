// hclcheck parses every .tf file under the given directories (or the given files) with HashiCorp's own HCL
// parser (hclparse, from Debian's golang-github-hashicorp-hcl-v2-dev) and prints each diagnostic as
// "file:line:col: severity: summary: detail". It prints a summary line "hclcheck: N files, E errors, W warnings"
// and exits 1 when any error was found, 2 on usage errors.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
)

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
	errors, warnings := 0, 0
	for _, file := range files {
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
	fmt.Printf("hclcheck: %d files, %d errors, %d warnings\n", len(files), errors, warnings)
	if errors > 0 {
		os.Exit(1)
	}
}
