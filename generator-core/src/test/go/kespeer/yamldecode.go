package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	yamlv2 "gopkg.in/yaml.v2"
	yamlv3 "gopkg.in/yaml.v3"
	sigsyaml "sigs.k8s.io/yaml"
)

// runYAMLDecode decodes each file with the three Go YAML libraries that read kesgen's output into generic values:
// gopkg.in/yaml.v2 (KES before 2023-11), gopkg.in/yaml.v3 (KES from 2023-11) and sigs.k8s.io/yaml (Helm reads a
// values file with it). The answer is {file: {library: value or {"error": message}}}.
//
// A value is printed as JSON, every scalar as {"type": T, "text": fmt.Sprint(v)}: T is string, bool, int, float,
// null, time, binary or the Go type, so a string "true" and a bool true never look alike. A mapping is a JSON
// object; a key that is not a Go string is written "{T}text" (yaml.v2 reads an unquoted on: as the key true).
func runYAMLDecode(args []string) (any, error) {
	var files fileList
	flags := newFlagSet("yamldecode")
	flags.Var(&files, "file", "a YAML file (repeatable)")
	if err := flags.Parse(args); err != nil {
		return nil, err
	}
	if len(files) == 0 || flags.NArg() > 0 {
		return nil, errors.New("yamldecode: one or more --file F, and nothing else, are required")
	}
	answers := map[string]map[string]any{}
	for _, file := range files {
		text, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		answers[file] = decodeAll(text)
	}
	return answers, nil
}

func decodeAll(text []byte) map[string]any {
	result := map[string]any{}
	var v2 any
	result["yaml.v2"] = generic(yamlv2.Unmarshal(text, &v2), v2)
	var v3 any
	result["yaml.v3"] = generic(yamlv3.Unmarshal(text, &v3), v3)
	// As Helm reads a values file: helm/helm@00b3f0b198bf pkg/chartutil/values.go (ReadValues) (a map, numbers kept).
	var helm map[string]any
	err := sigsyaml.Unmarshal(text, &helm, func(d *json.Decoder) *json.Decoder {
		d.UseNumber()
		return d
	})
	result["sigs.k8s.io/yaml"] = generic(err, helm)
	return result
}

func generic(err error, value any) any {
	if err != nil {
		return map[string]string{"error": err.Error()}
	}
	return map[string]any{"value": describe(value)}
}

func describe(value any) any {
	switch v := value.(type) {
	case map[string]any:
		out := map[string]any{}
		for key, child := range v {
			out[key] = describe(child)
		}
		return out
	case map[any]any:
		out := map[string]any{}
		for key, child := range v {
			name := fmt.Sprint(key)
			if _, isString := key.(string); !isString {
				name = "{" + typeName(key) + "}" + name
			}
			out[name] = describe(child)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, child := range v {
			out[i] = describe(child)
		}
		return out
	case json.Number:
		return map[string]string{"type": "number", "text": v.String()}
	case []byte:
		return map[string]string{"type": "binary", "text": string(v)}
	case nil:
		return map[string]string{"type": "null", "text": ""}
	default:
		return map[string]string{"type": typeName(v), "text": fmt.Sprint(v)}
	}
}
