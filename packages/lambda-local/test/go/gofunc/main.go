// gofunc is a go1.x Lambda function the way aws-lambda-go serves one: a
// net/rpc (gob) "Function" service with Ping and Invoke on
// localhost:$_LAMBDA_SERVER_PORT, using the lambda/messages types. Standard
// library only, so the emulator's go1.x side is checked against Go's own
// net/rpc and encoding/gob.
package main

import (
	"encoding/json"
	"fmt"
	"net"
	"net/rpc"
	"os"
	"time"
)

// The lambda/messages types of aws-lambda-go, field for field.
type PingRequest struct{}
type PingResponse struct{}

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

type InvokeResponse_Error_StackFrame struct {
	Path  string
	Line  int32
	Label string
}

type InvokeResponse_Error struct {
	Message    string
	Type       string
	StackTrace []*InvokeResponse_Error_StackFrame
	ShouldExit bool
}

type InvokeResponse struct {
	Payload []byte
	Error   *InvokeResponse_Error
}

type Function struct{}

func (f *Function) Ping(req *PingRequest, res *PingResponse) error { return nil }

func (f *Function) Invoke(req *InvokeRequest, res *InvokeResponse) error {
	var event map[string]interface{}
	if err := json.Unmarshal(req.Payload, &event); err != nil {
		res.Error = &InvokeResponse_Error{Message: err.Error(), Type: "*json.SyntaxError"}
		return nil
	}
	fmt.Printf("invoked %s\n", req.RequestId)
	switch event["action"] {
	case "error":
		res.Error = &InvokeResponse_Error{
			Message:    "bad input",
			Type:       "errorString",
			StackTrace: []*InvokeResponse_Error_StackFrame{{Path: "gofunc/main.go", Line: 72, Label: "(*Function).Invoke"}},
		}
		return nil
	case "panic":
		res.Error = &InvokeResponse_Error{Message: "runtime error: index out of range [3] with length 1", Type: "runtime.Error", ShouldExit: true}
		return nil
	case "sleep":
		time.Sleep(time.Duration(event["ms"].(float64)) * time.Millisecond)
	}
	out := map[string]interface{}{
		"event":         event,
		"requestId":     req.RequestId,
		"traceId":       req.XAmznTraceId,
		"arn":           req.InvokedFunctionArn,
		"deadlineMs":    req.Deadline.Seconds*1000 + req.Deadline.Nanos/1000000,
		"clientContext": string(req.ClientContext),
		"cognito":       []string{req.CognitoIdentityId, req.CognitoIdentityPoolId},
		"pid":           os.Getpid(),
		"functionName":  os.Getenv("AWS_LAMBDA_FUNCTION_NAME"),
		"executionEnv":  os.Getenv("AWS_EXECUTION_ENV"),
	}
	payload, err := json.Marshal(out)
	if err != nil {
		return err
	}
	res.Payload = payload
	return nil
}

func main() {
	port := os.Getenv("_LAMBDA_SERVER_PORT")
	l, err := net.Listen("tcp", "localhost:"+port)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := rpc.Register(new(Function)); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	rpc.Accept(l)
}
