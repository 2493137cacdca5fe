// Command kespeer is a test-only peer for kesgen's tests: it does what KES and MinIO inherit from Go (crypto/tls
// and the two YAML libraries) with nothing of KES or MinIO, and prints JSON on stdout.
//
//	kespeer handshake --server-cert F --server-key F --client-cert F --client-key F --ca F --server-name NAME
//	kespeer yaml --file F [--file G ...]
//	kespeer yamldecode --file F [--file G ...]   (each file decoded by yaml.v2, yaml.v3 and sigs.k8s.io/yaml)
//	kespeer pathmatch --file F   (F: a JSON list of [pattern, name] pairs; answers path.Match for each)
//	kespeer apikey --env-file F   (F: a config.env as MinIO reads it; the KES identity of its MINIO_KMS_KES_API_KEY)
//
// Exit status 0 means the answer is on stdout (a refused handshake or a YAML decode error included); 2 is a usage
// or I/O error, reported on stderr.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		usage("a subcommand is required: handshake, yaml, yamldecode, pathmatch or apikey")
	}
	var result any
	var err error
	switch os.Args[1] {
	case "handshake":
		result, err = runHandshake(os.Args[2:])
	case "yaml":
		result, err = runYAML(os.Args[2:])
	case "yamldecode":
		result, err = runYAMLDecode(os.Args[2:])
	case "pathmatch":
		result, err = runPathMatch(os.Args[2:])
	case "apikey":
		result, err = runAPIKey(os.Args[2:])
	default:
		usage("unknown subcommand " + os.Args[1] + ": use handshake, yaml, yamldecode, pathmatch or apikey")
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "kespeer:", err)
		os.Exit(2)
	}
	printJSON(result)
}

func printJSON(v any) {
	out, err := json.Marshal(v)
	if err != nil {
		fmt.Fprintln(os.Stderr, "kespeer:", err)
		os.Exit(2)
	}
	os.Stdout.Write(append(out, '\n'))
}

func usage(message string) {
	fmt.Fprintln(os.Stderr, "kespeer:", message)
	fmt.Fprintln(os.Stderr, "usage: kespeer handshake --server-cert F --server-key F --client-cert F --client-key F --ca F --server-name NAME")
	fmt.Fprintln(os.Stderr, "       kespeer yaml --file F [--file G ...]")
	fmt.Fprintln(os.Stderr, "       kespeer yamldecode --file F [--file G ...]")
	fmt.Fprintln(os.Stderr, "       kespeer pathmatch --file F")
	fmt.Fprintln(os.Stderr, "       kespeer apikey --env-file F")
	os.Exit(2)
}

// newFlagSet returns a flag set that reports a bad flag as an error instead of exiting.
func newFlagSet(name string) *flag.FlagSet {
	return flag.NewFlagSet(name, flag.ContinueOnError)
}
