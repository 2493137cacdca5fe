package main

import (
	"bufio"
	"crypto/ed25519"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"
)

// apiKeyResult is what `kespeer apikey` prints: the variables of the env file as MinIO reads them, and the KES
// identity of MINIO_KMS_KES_API_KEY, or why it is not a key.
type apiKeyResult struct {
	Variables map[string]string `json:"variables"`
	Identity  string            `json:"identity,omitempty"`
	Error     string            `json:"error,omitempty"`
}

// runAPIKey reads a config.env as MinIO's MINIO_CONFIG_ENV_FILE reader does (each line trimmed; empty lines and
// lines starting with # skipped; a leading "export" removed; split at the first '='; one pair of matching quotes
// removed: the rules of minio/minio@RELEASE.2023-02-17T17-52-43Z:cmd/common-main.go:478-512, written again here),
// then derives the identity of MINIO_KMS_KES_API_KEY with Go's standard library alone: the "kes:v1:" text is
// standard base64 of a type byte 0 and a 32-byte Ed25519 seed; the identity is the hex SHA-256 of the public key's
// DER SubjectPublicKeyInfo (crypto/x509.MarshalPKIXPublicKey), as KES hashes a client certificate's
// RawSubjectPublicKeyInfo.
func runAPIKey(args []string) (any, error) {
	fs := newFlagSet("apikey")
	file := fs.String("env-file", "", "the config.env to read")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if *file == "" {
		return nil, errors.New("--env-file is required")
	}
	f, err := os.Open(*file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	result := apiKeyResult{Variables: map[string]string{}}
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		line := strings.TrimSpace(scanner.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(strings.TrimSpace(strings.TrimPrefix(line, "export")), "=", 2)
		if len(parts) != 2 {
			result.Error = "a line is not KEY=value"
			return result, nil
		}
		value := parts[1]
		if len(value) >= 2 && (value[0] == '"' || value[0] == '\'') && value[len(value)-1] == value[0] {
			value = value[1 : len(value)-1]
		}
		result.Variables[parts[0]] = value
	}
	if err := scanner.Err(); err != nil {
		return nil, err
	}
	key, ok := result.Variables["MINIO_KMS_KES_API_KEY"]
	if !ok {
		result.Error = "no MINIO_KMS_KES_API_KEY"
		return result, nil
	}
	identity, err := apiKeyIdentity(key)
	if err != nil {
		result.Error = err.Error()
	} else {
		result.Identity = identity
	}
	// the key itself is never printed
	result.Variables["MINIO_KMS_KES_API_KEY"] = fmt.Sprintf("(%d characters)", len(key))
	return result, nil
}

func apiKeyIdentity(text string) (string, error) {
	if !strings.HasPrefix(text, "kes:v1:") {
		return "", errors.New("no kes:v1: prefix")
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(text, "kes:v1:"))
	if err != nil {
		return "", errors.New("not standard base64")
	}
	if len(raw) != 1+ed25519.SeedSize || raw[0] != 0 {
		return "", fmt.Errorf("%d bytes of type %d, not 33 of type 0", len(raw), raw[0])
	}
	public := ed25519.NewKeyFromSeed(raw[1:]).Public()
	spki, err := x509.MarshalPKIXPublicKey(public)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(spki)
	return hex.EncodeToString(sum[:]), nil
}
