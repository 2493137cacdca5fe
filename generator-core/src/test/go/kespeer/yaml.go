package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	yamlv2 "gopkg.in/yaml.v2"
	yamlv3 "gopkg.in/yaml.v3"
)

// fileList collects repeated --file flags.
type fileList []string

func (f *fileList) String() string { return strings.Join(*f, ",") }

func (f *fileList) Set(value string) error {
	*f = append(*f, value)
	return nil
}

// runYAML decodes each file with yaml.v2 and yaml.v3 into generic values and lists every scalar leaf's Go type.
// With one --file the answer is {"yaml.v2":{path:type},"yaml.v3":{...}}; with several it is keyed by file.
func runYAML(args []string) (any, error) {
	var files fileList
	flags := newFlagSet("yaml")
	flags.Var(&files, "file", "a YAML file (repeatable)")
	if err := flags.Parse(args); err != nil {
		return nil, err
	}
	if len(files) == 0 || flags.NArg() > 0 {
		return nil, errors.New("yaml: one or more --file F, and nothing else, are required")
	}
	answers := map[string]map[string]map[string]string{}
	for _, file := range files {
		text, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		answers[file] = decodeBoth(text)
	}
	if len(files) == 1 {
		return answers[files[0]], nil
	}
	return answers, nil
}

func decodeBoth(text []byte) map[string]map[string]string {
	result := map[string]map[string]string{}
	var v2 any
	if err := yamlv2.Unmarshal(text, &v2); err != nil {
		result["yaml.v2"] = map[string]string{"error": err.Error()}
	} else {
		result["yaml.v2"] = leaves(v2)
	}
	var v3 any
	if err := yamlv3.Unmarshal(text, &v3); err != nil {
		result["yaml.v3"] = map[string]string{"error": err.Error()}
	} else {
		result["yaml.v3"] = leaves(v3)
	}
	return result
}

// leaves maps the path of every scalar ("a.b[0].c") to its type name. A mapping key that does not decode as a
// string (yaml.v2 reads an unquoted "on:" as true) is listed too, as "<path>.<key>{key}" with the key's type.
func leaves(root any) map[string]string {
	out := map[string]string{}
	walk(root, "", out)
	return out
}

func walk(value any, path string, out map[string]string) {
	switch v := value.(type) {
	case map[string]any:
		for key, child := range v {
			walk(child, join(path, key), out)
		}
	case map[any]any:
		for key, child := range v {
			name := fmt.Sprint(key)
			if _, isString := key.(string); !isString {
				out[join(path, name)+"{key}"] = typeName(key)
			}
			walk(child, join(path, name), out)
		}
	case []any:
		for i, child := range v {
			walk(child, fmt.Sprintf("%s[%d]", path, i), out)
		}
	default:
		out[path] = typeName(v)
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func typeName(value any) string {
	switch value.(type) {
	case nil:
		return "null"
	case string:
		return "string"
	case bool:
		return "bool"
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return "int"
	case float32, float64:
		return "float"
	case time.Time:
		return "time"
	case []byte:
		return "binary"
	default:
		return fmt.Sprintf("%T", value)
	}
}
