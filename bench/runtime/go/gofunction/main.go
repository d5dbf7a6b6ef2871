// gofunction is the Go peer of the go1.x benchmark: a function served the way
// aws-lambda-go's lambda.Start does under go1.x (net/rpc on
// localhost:$_LAMBDA_SERVER_PORT, service Function with Ping and Invoke;
// Invoke sets up the deadline context and the trace id, JSON-decodes the
// payload, calls the handler, JSON-encodes the result, and turns a returned
// error or a panic into InvokeResponse.Error). The handler echoes its event.
package main

import (
	"context"
	"encoding/json"
	"log"
	"net"
	"net/rpc"
	"os"
	"reflect"
	"time"

	"../messages"
)

type lambdaContext struct {
	AwsRequestID       string
	InvokedFunctionArn string
	CognitoIdentityID  string
	CognitoPoolID      string
	ClientContext      map[string]interface{}
}

type ctxKey struct{}

// handler is what a user writes: func(ctx, event) (result, error).
func handler(ctx context.Context, event interface{}) (interface{}, error) {
	return event, nil
}

type Function struct{}

func (f *Function) Ping(req *messages.PingRequest, resp *messages.PingResponse) error {
	*resp = messages.PingResponse{}
	return nil
}

func errorType(v interface{}) string {
	t := reflect.TypeOf(v)
	if t.Kind() == reflect.Ptr {
		return t.Elem().Name()
	}
	return t.Name()
}

func (f *Function) Invoke(req *messages.InvokeRequest, resp *messages.InvokeResponse) error {
	defer func() {
		if v := recover(); v != nil {
			resp.Error = &messages.InvokeResponse_Error{Message: "panic", Type: errorType(v), ShouldExit: true}
		}
	}()
	deadline := time.Unix(req.Deadline.Seconds, req.Deadline.Nanos).UTC()
	ctx, cancel := context.WithDeadline(context.Background(), deadline)
	defer cancel()
	lc := &lambdaContext{
		AwsRequestID:       req.RequestId,
		InvokedFunctionArn: req.InvokedFunctionArn,
		CognitoIdentityID:  req.CognitoIdentityId,
		CognitoPoolID:      req.CognitoIdentityPoolId,
	}
	if len(req.ClientContext) > 0 {
		if err := json.Unmarshal(req.ClientContext, &lc.ClientContext); err != nil {
			resp.Error = &messages.InvokeResponse_Error{Message: err.Error(), Type: errorType(err)}
			return nil
		}
	}
	ctx = context.WithValue(ctx, ctxKey{}, lc)
	os.Setenv("_X_AMZN_TRACE_ID", req.XAmznTraceId)

	var event interface{}
	if err := json.Unmarshal(req.Payload, &event); err != nil {
		resp.Error = &messages.InvokeResponse_Error{Message: err.Error(), Type: errorType(err)}
		return nil
	}
	result, err := handler(ctx, event)
	if err != nil {
		resp.Error = &messages.InvokeResponse_Error{Message: err.Error(), Type: errorType(err)}
		return nil
	}
	payload, err := json.Marshal(result)
	if err != nil {
		resp.Error = &messages.InvokeResponse_Error{Message: err.Error(), Type: errorType(err)}
		return nil
	}
	resp.Payload = payload
	return nil
}

func main() {
	lis, err := net.Listen("tcp", "localhost:"+os.Getenv("_LAMBDA_SERVER_PORT"))
	if err != nil {
		log.Fatal(err)
	}
	if err := rpc.Register(&Function{}); err != nil {
		log.Fatal(err)
	}
	rpc.Accept(lis)
}
