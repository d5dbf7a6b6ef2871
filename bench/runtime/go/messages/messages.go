// Package messages has the go1.x wire types with the names, fields and
// package name of aws-lambda-go's lambda/messages, so gob sees the same types
// as a real Lambda service or function.
package messages

// PingRequest is the argument of Function.Ping.
type PingRequest struct{}

// PingResponse is the reply of Function.Ping.
type PingResponse struct{}

// InvokeRequest_Timestamp is the invocation deadline.
type InvokeRequest_Timestamp struct {
	Seconds int64
	Nanos   int64
}

// InvokeRequest is the argument of Function.Invoke.
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

// InvokeResponse is the reply of Function.Invoke.
type InvokeResponse struct {
	Payload []byte
	Error   *InvokeResponse_Error
}

// InvokeResponse_Error reports a handler error.
type InvokeResponse_Error struct {
	Message    string
	Type       string
	StackTrace []*InvokeResponse_Error_StackFrame
	ShouldExit bool
}

// InvokeResponse_Error_StackFrame is one stack frame of a handler error.
type InvokeResponse_Error_StackFrame struct {
	Path  string
	Line  int32
	Label string
}
