// Command sealpeer unseals SealedSecret manifests with the sealed-secrets controller's own code
// (github.com/bitnami-labs/sealed-secrets v0.27.1, pkg/apis/sealedsecrets/v1alpha1 SealedSecret.Unseal, which calls
// pkg/crypto HybridDecrypt with the label of the SealedSecret's own namespace, name and scope annotations), so that
// kesgen's sealing is proven by an implementation that is not kesgen's. Test-only; never shipped.
//
// Usage: sealpeer unseal <private-key.pem> <sealed-secret.yaml> [namespace]
//
// It decodes the manifest as the controller's API machinery decodes a SealedSecret (sigs.k8s.io/yaml into the
// v1alpha1 type, unknown fields refused), optionally moves it to another namespace (what an attacker with write
// access to that namespace would do), unseals it, and prints the Secret as JSON: name, namespace, type,
// annotations and data (each value as a string). A value that cannot be unsealed exits 1.
package main

import (
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"os"

	ssv1alpha1 "github.com/bitnami-labs/sealed-secrets/pkg/apis/sealedsecrets/v1alpha1"
	"k8s.io/client-go/kubernetes/scheme"
	"sigs.k8s.io/yaml"
)

func main() {
	if len(os.Args) < 4 || os.Args[1] != "unseal" {
		fmt.Fprintln(os.Stderr, "usage: sealpeer unseal <private-key.pem> <sealed-secret.yaml> [namespace]")
		os.Exit(2)
	}
	key, err := privateKey(os.Args[2])
	if err != nil {
		fail(err)
	}
	text, err := os.ReadFile(os.Args[3])
	if err != nil {
		fail(err)
	}
	var sealed ssv1alpha1.SealedSecret
	if err := yaml.UnmarshalStrict(text, &sealed); err != nil {
		fail(fmt.Errorf("not a SealedSecret: %w", err))
	}
	if sealed.APIVersion != "bitnami.com/v1alpha1" || sealed.Kind != "SealedSecret" {
		fail(fmt.Errorf("apiVersion %q kind %q", sealed.APIVersion, sealed.Kind))
	}
	if len(os.Args) > 4 {
		sealed.Namespace = os.Args[4]
	}
	secret, err := sealed.Unseal(scheme.Codecs, map[string]*rsa.PrivateKey{"kesgen-test": key})
	if err != nil {
		fail(err)
	}
	data := map[string]string{}
	for k, v := range secret.Data {
		data[k] = string(v)
	}
	out := map[string]any{
		"name":        secret.Name,
		"namespace":   secret.Namespace,
		"type":        string(secret.Type),
		"annotations": secret.Annotations,
		"data":        data,
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		fail(err)
	}
}

func privateKey(file string) (*rsa.PrivateKey, error) {
	text, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	block, _ := pem.Decode(text)
	if block == nil {
		return nil, fmt.Errorf("%s: no PEM block", file)
	}
	if k, err := x509.ParsePKCS1PrivateKey(block.Bytes); err == nil {
		return k, nil
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, err
	}
	rsaKey, ok := k.(*rsa.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("%s: not an RSA key", file)
	}
	return rsaKey, nil
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "sealpeer:", err)
	os.Exit(1)
}
