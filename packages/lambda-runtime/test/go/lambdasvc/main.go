// lambdasvc plays the go1.x Lambda service against a function process: it
// starts the process with _LAMBDA_SERVER_PORT and the Lambda environment,
// dials it with net/rpc (gob), pings it until it answers, runs the script's
// Ping and Invoke steps (some concurrently, on several connections) and
// prints one JSON document with every field of every reply.
//
// The script comes on stdin:
//
//	{"command": ["node", "fn.mjs"], "env": {...}, "sessions": [{"name", "env", "conns",
//	  "steps": [{"name", "conn", "ping", "method", "invoke": {...}, "parallel": [...]}],
//	  "expectExit", "exitTimeoutMs"}]}
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net"
	"net/rpc"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"../messages"
)

type Repeat struct {
	Prefix string
	Unit   string
	Count  int
	Suffix string
}

type Invoke struct {
	Payload       string
	PayloadRepeat *Repeat
	RequestId     string
	TraceId       string
	Arn           string
	CognitoId     string
	CognitoPool   string
	ClientContext string
	// Deadline relative to the time of the call, in milliseconds (negative: in the past).
	DeadlineInMs int64
}

type Step struct {
	Name     string
	Conn     int
	Ping     bool
	Method   string
	Invoke   *Invoke
	Parallel []Step
}

type Session struct {
	Name          string
	Env           map[string]string
	Conns         int
	Steps         []Step
	ExpectExit    bool
	ExitTimeoutMs int
}

type Script struct {
	Command  []string
	Env      map[string]string
	Sessions []Session
}

type StepResult struct {
	Name string `json:"name"`
	Conn int    `json:"conn"`
	// RPC-level error (Response.Error, or a connection failure): "" when the call succeeded.
	RPCError      string                         `json:"rpcError"`
	Payload       *string                        `json:"payload"`
	PayloadLen    int                            `json:"payloadLen"`
	PayloadSha256 string                         `json:"payloadSha256"`
	Error         *messages.InvokeResponse_Error `json:"error"`
	DeadlineMs    int64                          `json:"deadlineMs"`
	StartMs       float64                        `json:"startMs"`
	EndMs         float64                        `json:"endMs"`
}

type SessionResult struct {
	Name       string       `json:"name"`
	ReadyMs    float64      `json:"readyMs"`
	ReadyError string       `json:"readyError"`
	Exited     bool         `json:"exited"`
	ExitCode   int          `json:"exitCode"`
	Signal     string       `json:"signal"`
	Stdout     string       `json:"stdout"`
	Stderr     string       `json:"stderr"`
	Steps      []StepResult `json:"steps"`
}

// capped keeps the first 64 KiB of a process's output.
type capped struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (c *capped) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if room := 65536 - c.buf.Len(); room > 0 {
		if len(p) > room {
			c.buf.Write(p[:room])
		} else {
			c.buf.Write(p)
		}
	}
	return len(p), nil
}

func (c *capped) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.buf.String()
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func runSession(script *Script, s *Session) SessionResult {
	res := SessionResult{Name: s.Name, ExitCode: -1}
	port, err := freePort()
	if err != nil {
		res.ReadyError = err.Error()
		return res
	}
	cmd := exec.Command(script.Command[0], script.Command[1:]...)
	env := []string{"_LAMBDA_SERVER_PORT=" + strconv.Itoa(port)}
	for k, v := range script.Env {
		env = append(env, k+"="+v)
	}
	for k, v := range s.Env {
		env = append(env, k+"="+v)
	}
	cmd.Env = env
	var stdout, stderr capped
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		res.ReadyError = err.Error()
		return res
	}
	waited := make(chan struct{})
	go func() {
		cmd.Wait()
		close(waited)
	}()
	finish := func() {
		res.Stdout = stdout.String()
		res.Stderr = stderr.String()
		if cmd.ProcessState == nil {
			return
		}
		if st, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok {
			if st.Signaled() {
				res.Signal = st.Signal().String()
			} else {
				res.ExitCode = st.ExitStatus()
			}
		}
	}
	kill := func() {
		cmd.Process.Signal(syscall.SIGKILL)
		<-waited
		finish()
	}

	// Like the Lambda service: dial until the function listens, then Ping.
	addr := "127.0.0.1:" + strconv.Itoa(port)
	var first *rpc.Client
	for {
		conn, err := net.Dial("tcp", addr)
		if err == nil {
			first = rpc.NewClient(conn)
			break
		}
		select {
		case <-waited:
			res.ReadyError = "the function exited before listening"
			res.Exited = true
			finish()
			return res
		case <-time.After(time.Millisecond):
		}
		if time.Since(t0) > 10*time.Second {
			res.ReadyError = "the function did not listen within 10s"
			kill()
			return res
		}
	}
	if err := first.Call("Function.Ping", &messages.PingRequest{}, &messages.PingResponse{}); err != nil {
		res.ReadyError = "first Ping: " + err.Error()
		kill()
		return res
	}
	res.ReadyMs = ms(time.Since(t0))

	clients := []*rpc.Client{first}
	for i := 1; i < s.Conns; i++ {
		c, err := rpc.Dial("tcp", addr)
		if err != nil {
			res.ReadyError = "dial: " + err.Error()
			kill()
			return res
		}
		clients = append(clients, c)
	}
	start := time.Now()
	for _, st := range s.Steps {
		res.Steps = append(res.Steps, runStep(clients, st, start)...)
	}
	for _, c := range clients {
		c.Close()
	}
	if s.ExpectExit {
		timeout := time.Duration(s.ExitTimeoutMs) * time.Millisecond
		if timeout == 0 {
			timeout = 10 * time.Second
		}
		select {
		case <-waited:
			res.Exited = true
			finish()
		case <-time.After(timeout):
			kill()
		}
		return res
	}
	select {
	case <-waited:
		res.Exited = true
		finish()
	default:
		kill()
	}
	return res
}

func runStep(clients []*rpc.Client, st Step, start time.Time) []StepResult {
	if len(st.Parallel) > 0 {
		out := make([][]StepResult, len(st.Parallel))
		var wg sync.WaitGroup
		for i := range st.Parallel {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				out[i] = runStep(clients, st.Parallel[i], start)
			}(i)
		}
		wg.Wait()
		var all []StepResult
		for _, r := range out {
			all = append(all, r...)
		}
		return all
	}
	r := StepResult{Name: st.Name, Conn: st.Conn}
	c := clients[st.Conn]
	r.StartMs = ms(time.Since(start))
	var err error
	switch {
	case st.Ping:
		err = c.Call("Function.Ping", &messages.PingRequest{}, &messages.PingResponse{})
	case st.Method != "":
		err = c.Call(st.Method, &messages.PingRequest{}, &messages.PingResponse{})
	case st.Invoke != nil:
		inv := st.Invoke
		payload := []byte(inv.Payload)
		if rp := inv.PayloadRepeat; rp != nil {
			payload = []byte(rp.Prefix + strings.Repeat(rp.Unit, rp.Count) + rp.Suffix)
		}
		deadline := time.Now().Add(time.Duration(inv.DeadlineInMs) * time.Millisecond)
		r.DeadlineMs = deadline.UnixMilli()
		req := messages.InvokeRequest{
			Payload:               payload,
			RequestId:             inv.RequestId,
			XAmznTraceId:          inv.TraceId,
			Deadline:              messages.InvokeRequest_Timestamp{Seconds: deadline.Unix(), Nanos: int64(deadline.Nanosecond())},
			InvokedFunctionArn:    inv.Arn,
			CognitoIdentityId:     inv.CognitoId,
			CognitoIdentityPoolId: inv.CognitoPool,
			ClientContext:         []byte(inv.ClientContext),
		}
		var resp messages.InvokeResponse
		err = c.Call("Function.Invoke", &req, &resp)
		r.PayloadLen = len(resp.Payload)
		sum := sha256.Sum256(resp.Payload)
		r.PayloadSha256 = hex.EncodeToString(sum[:])
		if len(resp.Payload) <= 65536 {
			p := string(resp.Payload)
			r.Payload = &p
		}
		r.Error = resp.Error
	default:
		err = fmt.Errorf("empty step")
	}
	r.EndMs = ms(time.Since(start))
	if err != nil {
		r.RPCError = err.Error()
	}
	return []StepResult{r}
}

func main() {
	var script Script
	if err := json.NewDecoder(os.Stdin).Decode(&script); err != nil {
		fmt.Fprintln(os.Stderr, "lambdasvc: bad script:", err)
		os.Exit(2)
	}
	if len(script.Command) == 0 {
		fmt.Fprintln(os.Stderr, "lambdasvc: no command")
		os.Exit(2)
	}
	var results []SessionResult
	for i := range script.Sessions {
		results = append(results, runSession(&script, &script.Sessions[i]))
	}
	enc := json.NewEncoder(os.Stdout)
	if err := enc.Encode(map[string]interface{}{"sessions": results}); err != nil {
		fmt.Fprintln(os.Stderr, "lambdasvc:", err)
		os.Exit(1)
	}
}
