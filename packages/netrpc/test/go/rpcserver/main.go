// rpcserver is a Go net/rpc server for the interop tests and the benchmark.
//
// It registers the service Function (Ping, Invoke, like aws-lambda-go) on 127.0.0.1 and prints
// "LISTEN <host:port>" on stdout. It exits when stdin is closed.
//
//	-codec gob|json   the server codec (net/rpc's gob, or net/rpc/jsonrpc)
//	-http             serve with rpc.HandleHTTP (CONNECT /_goRPC_) instead of plain TCP
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/rpc"
	"net/rpc/jsonrpc"
	"os"
	"strconv"
	"strings"
	"time"

	"../messages"
)

// Function mirrors aws-lambda-go's lambda.Function service.
type Function struct{}

// Ping replies with an empty PingResponse.
func (f *Function) Ping(req *messages.PingRequest, resp *messages.PingResponse) error {
	return nil
}

// Invoke echoes the payload as {"echo":<payload>}, except for magic payloads:
// "fail" returns an error, "handler-error" fills InvokeResponse.Error, "sleep:N" sleeps N ms first.
func (f *Function) Invoke(req *messages.InvokeRequest, resp *messages.InvokeResponse) error {
	p := string(req.Payload)
	switch {
	case p == `"fail"`:
		return errors.New("handler failed: boom")
	case p == `"handler-error"`:
		resp.Error = &messages.InvokeResponse_Error{
			Message: "bad input", Type: "ValidationError",
			StackTrace: []*messages.InvokeResponse_Error_StackFrame{{Path: "main.go", Line: 42, Label: "main.handler"}},
		}
		return nil
	case strings.HasPrefix(p, `"sleep:`):
		ms, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(p, `"sleep:`), `"`))
		time.Sleep(time.Duration(ms) * time.Millisecond)
	}
	resp.Payload = append(append([]byte(`{"echo":`), req.Payload...), '}')
	return nil
}

func main() {
	codec := flag.String("codec", "gob", "gob or json")
	useHTTP := flag.Bool("http", false, "serve over HTTP CONNECT (rpc.HandleHTTP)")
	flag.Parse()

	server := rpc.NewServer()
	if err := server.Register(new(Function)); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("LISTEN %s\n", lis.Addr())
	go func() {
		io.Copy(io.Discard, os.Stdin)
		os.Exit(0)
	}()
	if *useHTTP {
		mux := http.NewServeMux()
		mux.Handle(rpc.DefaultRPCPath, server)
		http.Serve(lis, mux)
		return
	}
	for {
		conn, err := lis.Accept()
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if *codec == "json" {
			go server.ServeCodec(jsonrpc.NewServerCodec(conn))
		} else {
			go server.ServeConn(conn)
		}
	}
}
