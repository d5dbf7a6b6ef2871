// rpcclient is a Go net/rpc client for the interop tests and the benchmark.
//
//	-addr host:port   the server
//	-codec gob|json   net/rpc's gob codec or net/rpc/jsonrpc
//	-http             dial with rpc.DialHTTP (CONNECT /_goRPC_)
//	-mode script      run the interop script, print one JSON line per step, exit 1 on a failed check
//	-mode bench       call Function.Invoke with -size byte payloads from -conc goroutines for
//	                  -duration on one client; print {"calls","seconds","p50us","p99us"}
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"net/rpc"
	"net/rpc/jsonrpc"
	"os"
	"sort"
	"sync"
	"time"

	"../messages"
)

var failed bool

func report(step string, ok bool, detail interface{}) {
	if !ok {
		failed = true
	}
	line, _ := json.Marshal(map[string]interface{}{"step": step, "ok": ok, "detail": detail})
	fmt.Println(string(line))
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func invoke(c *rpc.Client, payload string) (*messages.InvokeResponse, error) {
	var resp messages.InvokeResponse
	req := messages.InvokeRequest{Payload: []byte(payload), RequestId: "go-client", Deadline: messages.InvokeRequest_Timestamp{Seconds: 1700000000}}
	err := c.Call("Function.Invoke", &req, &resp)
	return &resp, err
}

func script(c *rpc.Client, codec string) {
	var pong messages.PingResponse
	err := c.Call("Function.Ping", &messages.PingRequest{}, &pong)
	report("ping", err == nil, errText(err))

	r, err := invoke(c, `{"a":1}`)
	report("invoke", err == nil && string(r.Payload) == `{"echo":{"a":1}}` && r.Error == nil, string(r.Payload))

	_, err = invoke(c, `"fail"`)
	_, isServerErr := err.(rpc.ServerError)
	report("method-error", isServerErr && err.Error() == "handler failed: boom", errText(err))

	r, err = invoke(c, `"handler-error"`)
	report("handler-error", err == nil && r.Error != nil && r.Error.Message == "bad input" && r.Error.Type == "ValidationError" &&
		len(r.Error.StackTrace) == 1 && r.Error.StackTrace[0].Line == 42, errText(err))

	err = c.Call("Function.Nope", &messages.PingRequest{}, &pong)
	report("unknown-method", errText(err) == "rpc: can't find method Function.Nope", errText(err))

	err = c.Call("Nope.Ping", &messages.PingRequest{}, &pong)
	report("unknown-service", errText(err) == "rpc: can't find service Nope.Ping", errText(err))

	err = c.Call("NoDot", &messages.PingRequest{}, &pong)
	report("ill-formed", errText(err) == "rpc: service/method request ill-formed: NoDot", errText(err))

	var resp messages.InvokeResponse
	err = c.Call("Function.Invoke", 7, &resp)
	_, isServerErr = err.(rpc.ServerError)
	report("bad-args", isServerErr, errText(err))

	err = c.Call("Function.Ping", &messages.PingRequest{}, &pong)
	report("ping-after-errors", err == nil, errText(err))

	const workers, each = 50, 20
	var wg sync.WaitGroup
	var mu sync.Mutex
	good := 0
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				p := fmt.Sprintf(`{"w":%d,"i":%d}`, w, i)
				r, err := invoke(c, p)
				if err == nil && string(r.Payload) == `{"echo":`+p+`}` {
					mu.Lock()
					good++
					mu.Unlock()
				}
			}
		}(w)
	}
	wg.Wait()
	report("concurrent", good == workers*each, good)

	big := `"` + string(bytes.Repeat([]byte("0123456789abcdef"), 1<<16)) + `"`
	r, err = invoke(c, big)
	report("large", err == nil && string(r.Payload) == `{"echo":`+big+`}`, len(r.Payload))

	err = c.Call("Function.Ping", &messages.PingRequest{}, &pong)
	report("ping-last", err == nil, errText(err))
}

func bench(c *rpc.Client, conc, size int, dur time.Duration) {
	payload := `"` + string(bytes.Repeat([]byte("x"), size-2)) + `"`
	deadline := time.Now().Add(dur)
	lat := make([][]time.Duration, conc)
	var wg sync.WaitGroup
	start := time.Now()
	for g := 0; g < conc; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for time.Now().Before(deadline) {
				t0 := time.Now()
				if _, err := invoke(c, payload); err != nil {
					fmt.Fprintln(os.Stderr, err)
					os.Exit(1)
				}
				lat[g] = append(lat[g], time.Since(t0))
			}
		}(g)
	}
	wg.Wait()
	secs := time.Since(start).Seconds()
	var all []time.Duration
	for _, l := range lat {
		all = append(all, l...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	pct := func(p float64) float64 { return float64(all[int(p*float64(len(all)-1))].Nanoseconds()) / 1e3 }
	line, _ := json.Marshal(map[string]interface{}{"calls": len(all), "seconds": secs, "p50us": pct(0.5), "p99us": pct(0.99)})
	fmt.Println(string(line))
}

func main() {
	addr := flag.String("addr", "", "server address")
	codec := flag.String("codec", "gob", "gob or json")
	useHTTP := flag.Bool("http", false, "dial with rpc.DialHTTP")
	mode := flag.String("mode", "script", "script or bench")
	conc := flag.Int("conc", 1, "bench: concurrent callers")
	size := flag.Int("size", 1024, "bench: payload bytes")
	dur := flag.Duration("duration", 2*time.Second, "bench: duration")
	flag.Parse()

	var c *rpc.Client
	var err error
	switch {
	case *useHTTP:
		c, err = rpc.DialHTTP("tcp", *addr)
	case *codec == "json":
		c, err = jsonrpc.Dial("tcp", *addr)
	default:
		c, err = rpc.Dial("tcp", *addr)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	if *mode == "bench" {
		bench(c, *conc, *size, *dur)
	} else {
		script(c, *codec)
	}
	c.Close()
	if failed {
		os.Exit(1)
	}
}
