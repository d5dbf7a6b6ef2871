// Command gob-demo is the Go half of examples/demo.mjs. It reads a gob stream
// on stdin (an InvokeRequest, then an Event), prints what it decoded on
// stderr, and writes a gob stream of replies on stdout (an InvokeResponse,
// then the Event as Go changed it).
package main

import (
	"encoding/gob"
	"encoding/json"
	"fmt"
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

type InvokeResponse_Error struct {
	Message string
	Type    string
}

type InvokeResponse struct {
	Payload []byte
	Error   *InvokeResponse_Error
}

type Event struct {
	Name string
	Tags map[string]int
	When time.Time
}

func main() {
	dec := gob.NewDecoder(os.Stdin)
	var req InvokeRequest
	var ev Event
	if err := dec.Decode(&req); err != nil {
		fail(err)
	}
	if err := dec.Decode(&ev); err != nil {
		fail(err)
	}
	deadline := time.Unix(req.Deadline.Seconds, req.Deadline.Nanos).UTC()
	fmt.Fprintf(os.Stderr, "  InvokeRequest{RequestId: %q, Deadline: %s, InvokedFunctionArn: %q, Payload: %s}\n",
		req.RequestId, deadline.Format(time.RFC3339Nano), req.InvokedFunctionArn, req.Payload)
	keys := []string{}
	for k := range ev.Tags {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintf(os.Stderr, "  Event{Name: %q, Tags: %d entries %v, When: %s}\n", ev.Name, len(ev.Tags), keys, ev.When.Format(time.RFC3339Nano))

	body, err := json.Marshal(map[string]interface{}{"requestId": req.RequestId, "echo": json.RawMessage(req.Payload)})
	if err != nil {
		fail(fmt.Errorf("payload is not JSON: %v", err))
	}
	reply := Event{Name: "seen by Go: " + ev.Name, Tags: map[string]int{"go": len(ev.Tags)}, When: ev.When.Add(time.Hour)}
	for k, v := range ev.Tags {
		reply.Tags[k] = v * 2
	}
	enc := gob.NewEncoder(os.Stdout)
	if err := enc.Encode(InvokeResponse{Payload: body}); err != nil {
		fail(err)
	}
	if err := enc.Encode(reply); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gob-demo:", err)
	os.Exit(1)
}
