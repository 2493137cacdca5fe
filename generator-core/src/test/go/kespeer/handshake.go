package main

import (
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"time"
)

// The whole handshake, listener to last byte, ends within this time.
const handshakeTimeout = 10 * time.Second

type handshakeResult struct {
	OK       bool   `json:"ok"`
	Identity string `json:"identity,omitempty"`
	Error    string `json:"error,omitempty"`
}

type serverOutcome struct {
	identity string
	err      error
}

// runHandshake starts a KES-like TLS server on loopback and dials it once as MinIO's KES client does.
func runHandshake(args []string) (any, error) {
	flags := newFlagSet("handshake")
	serverCert := flags.String("server-cert", "", "KES server certificate (PEM)")
	serverKey := flags.String("server-key", "", "KES server private key (PEM)")
	clientCert := flags.String("client-cert", "", "tenant client certificate (PEM)")
	clientKey := flags.String("client-key", "", "tenant client private key (PEM)")
	caFile := flags.String("ca", "", "PEM file the client trusts (MINIO_KMS_KES_CAPATH)")
	serverName := flags.String("server-name", "", "host name the client verifies")
	if err := flags.Parse(args); err != nil {
		return nil, err
	}
	for name, value := range map[string]string{"--server-cert": *serverCert, "--server-key": *serverKey,
		"--client-cert": *clientCert, "--client-key": *clientKey, "--ca": *caFile, "--server-name": *serverName} {
		if value == "" {
			return nil, fmt.Errorf("handshake: %s is required", name)
		}
	}
	server, err := tls.LoadX509KeyPair(*serverCert, *serverKey)
	if err != nil {
		return nil, fmt.Errorf("server key pair: %w", err)
	}
	client, err := tls.LoadX509KeyPair(*clientCert, *clientKey)
	if err != nil {
		return nil, fmt.Errorf("client key pair: %w", err)
	}
	caPEM, err := os.ReadFile(*caFile)
	if err != nil {
		return nil, err
	}
	roots := x509.NewCertPool()
	if !roots.AppendCertsFromPEM(caPEM) {
		return nil, fmt.Errorf("%s holds no PEM certificate", *caFile)
	}

	deadline := time.Now().Add(handshakeTimeout)
	// A last resort should a deadline not be honoured: answer and exit rather than hang the test.
	watchdog := time.AfterFunc(handshakeTimeout+2*time.Second, func() {
		printJSON(handshakeResult{Error: "timed out after " + handshakeTimeout.String()})
		os.Exit(0)
	})
	defer watchdog.Stop()

	return handshake(server, client, roots, *serverName, deadline)
}

func handshake(server, client tls.Certificate, roots *x509.CertPool, serverName string, deadline time.Time) (handshakeResult, error) {
	tcp, err := net.ListenTCP("tcp", &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 0})
	if err != nil {
		return handshakeResult{}, err
	}
	defer tcp.Close()
	if err := tcp.SetDeadline(deadline); err != nil {
		return handshakeResult{}, err
	}
	// KES with --auth=off (tls.auth: off): a client certificate is required, but neither its chain nor its
	// validity is checked; the client is known by the hash of its public key.
	listener := tls.NewListener(tcp, &tls.Config{
		Certificates: []tls.Certificate{server},
		ClientAuth:   tls.RequireAnyClientCert,
		MinVersion:   tls.VersionTLS12,
	})
	served := make(chan serverOutcome, 1)
	go func() { served <- serveOne(listener, deadline) }()

	clientErr := dial(tcp.Addr().String(), client, roots, serverName, deadline)
	tcp.Close() // ends a pending Accept should the client never have connected
	var outcome serverOutcome
	select {
	case outcome = <-served:
	case <-time.After(time.Until(deadline) + time.Second):
		outcome = serverOutcome{err: errors.New("server side timed out")}
	}
	switch {
	case clientErr != nil:
		return handshakeResult{Error: "client: " + clientErr.Error()}, nil
	case outcome.err != nil:
		return handshakeResult{Error: "server: " + outcome.err.Error()}, nil
	default:
		return handshakeResult{OK: true, Identity: outcome.identity}, nil
	}
}

// serveOne accepts one connection, completes the handshake, computes the client's KES identity and answers one byte.
func serveOne(listener net.Listener, deadline time.Time) serverOutcome {
	conn, err := listener.Accept()
	if err != nil {
		return serverOutcome{err: err}
	}
	defer conn.Close()
	if err := conn.SetDeadline(deadline); err != nil {
		return serverOutcome{err: err}
	}
	tlsConn := conn.(*tls.Conn)
	if err := tlsConn.Handshake(); err != nil {
		return serverOutcome{err: err}
	}
	peers := tlsConn.ConnectionState().PeerCertificates
	if len(peers) == 0 {
		return serverOutcome{err: errors.New("no client certificate")}
	}
	sum := sha256.Sum256(peers[0].RawSubjectPublicKeyInfo)
	if _, err := conn.Write([]byte{1}); err != nil {
		return serverOutcome{err: err}
	}
	return serverOutcome{identity: hex.EncodeToString(sum[:])}
}

// dial connects as MinIO's KES client: it trusts only the roots (the KES server certificate), verifies serverName
// and presents the tenant's certificate. It succeeds only when the server has answered after its handshake.
func dial(address string, client tls.Certificate, roots *x509.CertPool, serverName string, deadline time.Time) error {
	dialer := &net.Dialer{Deadline: deadline}
	conn, err := tls.DialWithDialer(dialer, "tcp", address, &tls.Config{
		Certificates: []tls.Certificate{client},
		RootCAs:      roots,
		ServerName:   serverName,
		MinVersion:   tls.VersionTLS12,
	})
	if err != nil {
		return err
	}
	defer conn.Close()
	if err := conn.SetDeadline(deadline); err != nil {
		return err
	}
	// With TLS 1.3 the server checks the client certificate after the client has finished: read its answer.
	answer := make([]byte, 1)
	if _, err := io.ReadFull(conn, answer); err != nil {
		return err
	}
	return nil
}
