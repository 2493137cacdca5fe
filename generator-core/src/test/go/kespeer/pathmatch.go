package main

import (
	"encoding/json"
	"errors"
	"os"
	"path"
)

// runPathMatch answers path.Match for every [pattern, name] pair of a JSON file, in order: "match", "nomatch" or
// "bad" (ErrBadPattern). It is what KES up to 2023-10-03 matches policy patterns with.
func runPathMatch(args []string) (any, error) {
	flags := newFlagSet("pathmatch")
	file := flags.String("file", "", "a JSON file of [pattern, name] pairs")
	if err := flags.Parse(args); err != nil {
		return nil, err
	}
	if *file == "" || flags.NArg() > 0 {
		return nil, errors.New("pathmatch: --file F, and nothing else, is required")
	}
	text, err := os.ReadFile(*file)
	if err != nil {
		return nil, err
	}
	var pairs [][2]string
	if err := json.Unmarshal(text, &pairs); err != nil {
		return nil, err
	}
	answers := make([]string, len(pairs))
	for i, pair := range pairs {
		ok, err := path.Match(pair[0], pair[1])
		switch {
		case err != nil:
			answers[i] = "bad"
		case ok:
			answers[i] = "match"
		default:
			answers[i] = "nomatch"
		}
	}
	return answers, nil
}
