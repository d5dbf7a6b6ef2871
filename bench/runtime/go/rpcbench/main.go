// rpcbench drives a go1.x function with Go's net/rpc client, as the Lambda
// service does: it starts the function process (the command after the flags)
// with _LAMBDA_SERVER_PORT, dials until it listens, times the first Ping,
// then calls Function.Invoke with an echo event of -size bytes from -conc
// goroutines sharing one connection for -ms milliseconds (after -warm
// calls), and prints one JSON line: {"readyMs","baselineMs","calls","seconds","p50us","p99us","cpuUsPerCall","faultsPerCall"}.
// baselineMs is how long `<-baseline> -e 0` (bare Node) takes from start to exit, timed the same way
// right before the function starts (0 without -baseline).
// cpuUsPerCall is the function process's user+system CPU time (from /proc) over the measured
// window divided by the calls: less sensitive than throughput to other load on the machine.
// faultsPerCall is the function process's minor page faults (first touches of fresh memory) per call.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"net/rpc"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"../messages"
)

func freePort() int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// procStat is the user+system CPU time of process pid and its threads, in clock ticks (1/100 s),
// and its minor page faults.
func procStat(pid int) (ticks, minflt int64) {
	b, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
	if err != nil {
		return -1, -1
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	m, _ := strconv.ParseInt(f[7], 10, 64)
	u, _ := strconv.ParseInt(f[11], 10, 64)
	k, _ := strconv.ParseInt(f[12], 10, 64)
	return u + k, m
}

func event(size int) []byte {
	head := `{"id":"0123456789","kind":"echo","n":42,"ok":true,"list":[1,2,3],"text":"`
	tail := `"}`
	fill := size - len(head) - len(tail)
	if fill < 0 {
		fill = 0
	}
	return []byte(head + strings.Repeat("abcdefghij", fill/10+1)[:fill] + tail)
}

func main() {
	size := flag.Int("size", 1024, "event bytes")
	conc := flag.Int("conc", 1, "concurrent callers on one connection")
	dur := flag.Int("ms", 2000, "measured milliseconds")
	warm := flag.Int("warm", 500, "warm-up calls")
	baseline := flag.String("baseline", "", "a node binary: time `node -e 0` first, for the ready time's reference")
	flag.Parse()
	args := flag.Args()
	if len(args) == 0 {
		fmt.Fprintln(os.Stderr, "usage: rpcbench [flags] command args...")
		os.Exit(2)
	}
	var baselineTime time.Duration
	if *baseline != "" {
		t := time.Now()
		if err := exec.Command(*baseline, "-e", "0").Run(); err != nil {
			panic(err)
		}
		baselineTime = time.Since(t)
	}
	port := freePort()
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Env = append(os.Environ(), "_LAMBDA_SERVER_PORT="+strconv.Itoa(port))
	cmd.Stdout = os.Stderr
	cmd.Stderr = os.Stderr
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		panic(err)
	}
	exited := make(chan struct{})
	go func() {
		cmd.Wait()
		close(exited)
	}()
	defer func() {
		cmd.Process.Kill()
		<-exited
	}()
	var client *rpc.Client
	for {
		conn, err := net.Dial("tcp", "127.0.0.1:"+strconv.Itoa(port))
		if err == nil {
			client = rpc.NewClient(conn)
			break
		}
		select {
		case <-exited:
			fmt.Fprintln(os.Stderr, "rpcbench: the function exited:", cmd.ProcessState)
			os.Exit(1)
		default:
		}
		if time.Since(t0) > 30*time.Second {
			fmt.Fprintln(os.Stderr, "rpcbench: the function did not listen within 30s:", err)
			cmd.Process.Kill()
			os.Exit(1)
		}
		time.Sleep(200 * time.Microsecond)
	}
	if err := client.Call("Function.Ping", &messages.PingRequest{}, &messages.PingResponse{}); err != nil {
		panic(err)
	}
	ready := time.Since(t0)

	payload := event(*size)
	var want interface{}
	json.Unmarshal(payload, &want)
	call := func(i int) time.Duration {
		d := time.Now().Add(time.Minute)
		req := messages.InvokeRequest{
			Payload:            payload,
			RequestId:          "req-" + strconv.Itoa(i),
			XAmznTraceId:       "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1",
			Deadline:           messages.InvokeRequest_Timestamp{Seconds: d.Unix(), Nanos: int64(d.Nanosecond())},
			InvokedFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:bench",
		}
		var resp messages.InvokeResponse
		s := time.Now()
		if err := client.Call("Function.Invoke", &req, &resp); err != nil {
			panic(err)
		}
		el := time.Since(s)
		if resp.Error != nil {
			panic(resp.Error.Type + ": " + resp.Error.Message)
		}
		if i == 0 {
			var got interface{}
			if err := json.Unmarshal(resp.Payload, &got); err != nil || !jsonEqual(got, want) {
				panic("echo mismatch")
			}
		}
		return el
	}
	for i := 0; i < *warm; i++ {
		call(i)
	}
	var mu sync.Mutex
	var lat []time.Duration
	stop := time.Now().Add(time.Duration(*dur) * time.Millisecond)
	cpu0, flt0 := procStat(cmd.Process.Pid)
	start := time.Now()
	var wg sync.WaitGroup
	for g := 0; g < *conc; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			var mine []time.Duration
			for i := 1; time.Now().Before(stop); i++ {
				mine = append(mine, call(g*1_000_000+i))
			}
			mu.Lock()
			lat = append(lat, mine...)
			mu.Unlock()
		}(g)
	}
	wg.Wait()
	secs := time.Since(start).Seconds()
	cpu1, flt1 := procStat(cmd.Process.Pid)
	cpu := float64(cpu1-cpu0) * 10000 / float64(len(lat))
	faults := float64(flt1-flt0) / float64(len(lat))
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) float64 {
		if len(lat) == 0 {
			return 0
		}
		return float64(lat[int(float64(len(lat)-1)*p)].Microseconds())
	}
	out, _ := json.Marshal(map[string]interface{}{
		"readyMs":      float64(ready.Microseconds()) / 1000,
		"baselineMs":   float64(baselineTime.Microseconds()) / 1000,
		"calls":        len(lat),
		"seconds":      secs,
		"p50us":        pct(0.50),
		"p99us":        pct(0.99),
		"cpuUsPerCall": cpu,
		"faultsPerCall": faults,
	})
	fmt.Println(string(out))
}

func jsonEqual(a, b interface{}) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}
