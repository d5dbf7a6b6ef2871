// Command gobbench is Go's side of bench/gob/run.mjs: it reads the data set
// (a gob stream written by the TS codec: three InvokeRequests, then a
// []Record batch), measures encoding/gob on the same values with the same
// method as the TS side, and prints one JSON line per case.
//
//	gobbench -data FILE -ms 1000 [-case 0..3]
//
// encode: one long-lived Encoder writing to io.Discard, the value encoded
// over and over (type definitions only the first time).
// decode: a stream of K copies from one Encoder, decoded by a new Decoder
// into fresh values, repeated. Each time is the median of 7 rounds.
package main

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"time"
)

type InvokeRequest_Timestamp struct {
	Seconds int64
	Nanos   int64
}

type InvokeRequest struct {
	Payload               []byte
	RequestId             string
	XAmznTraceId          string
	Deadline              InvokeRequest_Timestamp
	InvokedFunctionArn    string
	CognitoIdentityId     string
	CognitoIdentityPoolId string
	ClientContext         []byte
}

type Item struct {
	SKU   string
	Qty   int32
	Price float64
}

type Record struct {
	ID     int64
	Name   string
	Score  float64
	Active bool
	Tags   []string
	Counts map[string]int32
	Items  []Item
}

type result struct {
	Name     string  `json:"name"`
	Bytes    int     `json:"bytes"`
	EncodeNs float64 `json:"encodeNs"`
	DecodeNs float64 `json:"decodeNs"`
}

var budget time.Duration

// measure returns ns per operation of fn (which does n operations): the
// median of 7 rounds of budget/7 each, after a short warm-up.
func measure(n int, fn func()) float64 {
	for start := time.Now(); time.Since(start) < budget/4; {
		fn()
	}
	rounds := []float64{}
	for r := 0; r < 7; r++ {
		ops := 0
		start := time.Now()
		for time.Since(start) < budget/7 {
			fn()
			ops += n
		}
		rounds = append(rounds, float64(time.Since(start).Nanoseconds())/float64(ops))
	}
	sort.Float64s(rounds)
	return rounds[3]
}

func run(name string, v interface{}, fresh func() interface{}, k int) result {
	enc := gob.NewEncoder(io.Discard)
	encNs := measure(1, func() {
		if err := enc.Encode(v); err != nil {
			panic(err)
		}
	})
	var stream bytes.Buffer
	e := gob.NewEncoder(&stream)
	for i := 0; i < k; i++ {
		if err := e.Encode(v); err != nil {
			panic(err)
		}
	}
	var one bytes.Buffer
	if err := gob.NewEncoder(&one).Encode(v); err != nil {
		panic(err)
	}
	data := stream.Bytes()
	decNs := measure(k, func() {
		dec := gob.NewDecoder(bytes.NewReader(data))
		for i := 0; i < k; i++ {
			if err := dec.Decode(fresh()); err != nil {
				panic(err)
			}
		}
	})
	return result{name, one.Len(), encNs, decNs}
}

func main() {
	data := flag.String("data", "", "gob stream with the data set")
	ms := flag.Int("ms", 1000, "milliseconds per measurement")
	only := flag.Int("case", -1, "measure only this case (0-3); -1: all")
	flag.Parse()
	budget = time.Duration(*ms) * time.Millisecond
	raw, err := os.ReadFile(*data)
	if err != nil {
		panic(err)
	}
	dec := gob.NewDecoder(bytes.NewReader(raw))
	var reqs [3]InvokeRequest
	for i := range reqs {
		if err := dec.Decode(&reqs[i]); err != nil {
			panic(fmt.Errorf("data set value %d: %v", i, err))
		}
	}
	var batch []Record
	if err := dec.Decode(&batch); err != nil {
		panic(fmt.Errorf("data set batch: %v", err))
	}
	out := json.NewEncoder(os.Stdout)
	ks := []int{2000, 200, 16}
	for i := range reqs {
		if *only == -1 || *only == i {
			name := []string{"InvokeRequest 1 KiB", "InvokeRequest 64 KiB", "InvokeRequest 1 MiB"}[i]
			out.Encode(run(name, &reqs[i], func() interface{} { return new(InvokeRequest) }, ks[i]))
		}
	}
	if *only == -1 || *only == 3 {
		out.Encode(run("batch of 1000 records", batch, func() interface{} { return new([]Record) }, 8))
	}
}
