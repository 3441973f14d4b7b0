// Command ferretdb-test-server runs FerretDB 1.24 embedded, on its SQLite backend, as a MongoDB-wire test server
// on loopback: the read store contract suite and the end-to-end suite run against it when MONGODB_URL is set.
//
// It prints one line "ferretdb ready mongodb://127.0.0.1:<port>/" on stdout once the port accepts connections,
// logs to stderr, and shuts down cleanly (listener, connections, SQLite files) on SIGTERM or SIGINT.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	port := flag.Int("port", 0, "TCP port on 127.0.0.1 to listen on; 0 picks a free one")
	dataDir := flag.String("data-dir", "", "directory for the SQLite files (created if missing); required")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	flag.Parse()

	if err := run(*port, *dataDir, *logLevel); err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb: %v\n", err)
		os.Exit(1)
	}
}

func run(port int, dataDir, logLevel string) error {
	if port < 0 || port > 65535 {
		return fmt.Errorf("expected -port from 0 to 65535, received %d", port)
	}
	if dataDir == "" {
		return errors.New("expected -data-dir, received none")
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(logLevel)); err != nil {
		return fmt.Errorf("expected -log-level debug, info, warn or error, received %q", logLevel)
	}

	dir, err := filepath.Abs(dataDir)
	if err != nil {
		return fmt.Errorf("resolving -data-dir %q: %w", dataDir, err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("creating -data-dir %q: %w", dir, err)
	}

	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	f, err := ferretdb.New(&ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: net.JoinHostPort("127.0.0.1", fmt.Sprint(port))},
		Logger:   logger.With("component", "ferretdb"),
		Handler:  "sqlite",
		// The SQLite backend wants a file: URI naming a directory, with a trailing slash.
		SQLiteURL: (&url.URL{Scheme: "file", Path: dir + "/"}).String(),
	})
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()

	// MongoDBURI waits until Run has bound the listener; the dial proves it accepts connections.
	uri := f.MongoDBURI()
	if err := awaitAccepting(ctx, uri); err != nil {
		stop()
		<-done
		return err
	}
	fmt.Printf("ferretdb ready %s\n", uri)

	err = <-done
	logger.Info("ferretdb stopped")
	return err
}

// awaitAccepting dials the URI's address until a connection is accepted, for at most ten seconds.
func awaitAccepting(ctx context.Context, uri string) error {
	u, err := url.Parse(uri)
	if err != nil {
		return fmt.Errorf("parsing %q: %w", uri, err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		conn, err := (&net.Dialer{Timeout: time.Second}).DialContext(ctx, "tcp", u.Host)
		if err == nil {
			return conn.Close()
		}
		if ctx.Err() != nil || time.Now().After(deadline) {
			return fmt.Errorf("expected %s to accept connections, received %w", u.Host, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
