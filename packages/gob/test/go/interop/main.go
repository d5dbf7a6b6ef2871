// Command interop is the Go side of packages/gob/test/interop.test.ts.
//
// It holds a fixed set of types that cover every gob kind (mirrored by the
// t.* schemas in types.ts next to this file) and answers line-delimited JSON
// requests on stdin, one JSON response line each on stdout:
//
//	{"op":"encode","items":[{"type":"Scalars","value":<json>},...]}
//	  -> {"ok":true,"hex":"<whole stream>","parts":["<bytes of Encode 1>",...]}
//	{"op":"decode","types":["Scalars",...],"hex":"<stream>"}
//	  -> {"ok":true,"values":[<json>,...],"hex":"<re-encoded stream>","parts":[...]}
//	any failure -> {"ok":false,"error":"..."}
//
// Values use the JSON value convention of shared/vectors/README.md.
// Each request uses a fresh gob.Encoder / gob.Decoder. Gob numbers types
// process-wide, so at start-up every type is encoded once, in table order
// (then every registered interface type); the test does the same with one
// shared IdSpace, so both sides give the same type ids and names.
// The first output line is {"ready":true,"types":[...],"registered":[...]}.
package main

import (
	"bufio"
	"bytes"
	"encoding"
	"encoding/base64"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"reflect"
	"sort"
	"strconv"
	"time"
	"unicode"
	"unicode/utf8"
)

type Label string
type Celsius float64
type Flags uint16
type Small int8

type Point struct{ X, Y int }

type Scalars struct {
	B    bool
	I    int
	I8   int8
	I16  int16
	I32  int32
	I64  int64
	U    uint
	U8   uint8
	U16  uint16
	U32  uint32
	U64  uint64
	Uptr uintptr
	N    int64
	F32  float32
	F64  float64
	C64  complex64
	C128 complex128
	S    string
	Raw  string
	Bs   []byte
	L    Label
	Deg  Celsius
	Fl   Flags
	Sm   Small
}

type Collections struct {
	Ints   []int
	Strs   []string
	Pts    []Point
	PtrPts []*Point
	Grid   [3][2]int8
	Quad   [4]byte
	Matrix [][]float64
	F32s   []float32
	Cs     []complex128
	Blobs  [][]byte
	Labels []Label
	Names  map[string]int
	ByID   map[int64]Point
	Sets   map[string][]string
	Nested map[Label]map[int32]bool
	Anon   struct {
		A int
		B string
	}
	None struct{}
}

type Pointers struct {
	PI   *int
	PS   *string
	PB   *bool
	PF   *float64
	PP   *Point
	PPP  **Point
	PSl  *[]int
	PM   *map[string]string
	PArr *[2]string
}

type Tree struct {
	Val   int
	Left  *Tree
	Right *Tree
	Kids  []Tree
}

type Circle struct{ R float64 }
type Rect struct{ W, H int32 }

type Holder struct {
	Any    interface{}
	Many   []interface{}
	ByName map[string]interface{}
	Inner  *Holder
}

type Event struct {
	Name  string
	When  time.Time
	At    *time.Time
	Times []time.Time
	Log   map[string]time.Time
}

// Stamped is mirrored with t.time({ precise: true }) (nanoseconds and zone offsets kept).
type Stamped struct {
	At  time.Time
	PAt *time.Time
	Ats []time.Time
	Log map[string]time.Time
}

type Base struct {
	ID   int64
	Tags []string
}

type Embeds struct {
	Base
	Point
	Extra  string
	hidden int
	Ch     chan int
	Fn     func()
	Ωmega  string
	ǅitle  int
}

// Version is a BinaryMarshaler (value receiver), like many real types.
type Version struct{ Major, Minor uint8 }

func (v Version) MarshalBinary() ([]byte, error) { return []byte{v.Major, v.Minor}, nil }

func (v *Version) UnmarshalBinary(b []byte) error {
	if len(b) != 2 {
		return errors.New("Version: want 2 bytes")
	}
	v.Major, v.Minor = b[0], b[1]
	return nil
}

type Versioned struct {
	V      Version
	PV     *Version
	Vs     []Version
	ByName map[string]Version
}

type IntList []int
type Dict map[string]Label
type Mat2 [2][2]int8

// Named holds named composite types and composite types of pointers and interfaces.
type Named struct {
	L   IntList
	D   Dict
	M   Mat2
	PL  *IntList
	Arr [2]interface{}
	MP  map[string]*Point
	NS  []*Tree
}

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

type Everything struct {
	S   Scalars
	C   Collections
	P   *Pointers
	T   Tree
	H   Holder
	E   Event
	M   Embeds
	Ver Versioned
	Inv InvokeRequest
}

// table lists the top-level types by the names the test uses, in warm-up order.
var table = []struct {
	name string
	typ  reflect.Type
}{
	{"Scalars", reflect.TypeOf(Scalars{})},
	{"Collections", reflect.TypeOf(Collections{})},
	{"Pointers", reflect.TypeOf(Pointers{})},
	{"Tree", reflect.TypeOf(Tree{})},
	{"Holder", reflect.TypeOf(Holder{})},
	{"Event", reflect.TypeOf(Event{})},
	{"Stamped", reflect.TypeOf(Stamped{})},
	{"Embeds", reflect.TypeOf(Embeds{})},
	{"Versioned", reflect.TypeOf(Versioned{})},
	{"Named", reflect.TypeOf(Named{})},
	{"InvokeRequest", reflect.TypeOf(InvokeRequest{})},
	{"Everything", reflect.TypeOf(Everything{})},
	{"bool", reflect.TypeOf(false)},
	{"int64", reflect.TypeOf(int64(0))},
	{"uint8", reflect.TypeOf(uint8(0))},
	{"float64", reflect.TypeOf(float64(0))},
	{"complex64", reflect.TypeOf(complex64(0))},
	{"string", reflect.TypeOf("")},
	{"[]byte", reflect.TypeOf([]byte(nil))},
	{"Label", reflect.TypeOf(Label(""))},
	{"[]Point", reflect.TypeOf([]Point(nil))},
	{"[][]string", reflect.TypeOf([][]string(nil))},
	{"[4]byte", reflect.TypeOf([4]byte{})},
	{"map[string]int", reflect.TypeOf(map[string]int(nil))},
	{"map[Point]string", reflect.TypeOf(map[Point]string(nil))},
	{"*Point", reflect.TypeOf((*Point)(nil))},
	{"IntList", reflect.TypeOf(IntList(nil))},
	{"time.Time", reflect.TypeOf(time.Time{})},
}

// registered lists the names interface values may carry, in warm-up order.
var registered = []struct {
	name  string
	value interface{}
}{
	{"main.Circle", Circle{}},
	{"*main.Rect", &Rect{}},
	{"pt", Point{}},
	{"main.Label", Label("")},
	{"main.Holder", Holder{}},
	{"main.IntList", IntList{}},
	{"map[string]int", map[string]int{}},
	{"time.Time", time.Time{}},
	{"int", 0},
	{"uint64", uint64(0)},
	{"float64", float64(0)},
	{"string", ""},
	{"bool", false},
	{"[]string", []string{}},
	{"[]uint8", []byte{}},
}

var (
	typeByName   = map[string]reflect.Type{}
	ifaceByName  = map[string]reflect.Type{}
	nameByIface  = map[reflect.Type]string{}
	gobEncoder   = reflect.TypeOf((*gob.GobEncoder)(nil)).Elem()
	gobDecoder   = reflect.TypeOf((*gob.GobDecoder)(nil)).Elem()
	binMarshaler = reflect.TypeOf((*encoding.BinaryMarshaler)(nil)).Elem()
	binUnmarshal = reflect.TypeOf((*encoding.BinaryUnmarshaler)(nil)).Elem()
	maxSafe      = int64(1)<<53 - 1
	errNotObject = errors.New("expected a JSON object")
)

func main() {
	for _, r := range registered {
		gob.RegisterName(r.name, r.value)
		ifaceByName[r.name] = reflect.TypeOf(r.value)
		nameByIface[reflect.TypeOf(r.value)] = r.name
	}
	names := []string{}
	for _, e := range table {
		typeByName[e.name] = e.typ
		names = append(names, e.name)
		if err := warm(reflect.New(e.typ).Elem()); err != nil {
			fatal(fmt.Errorf("warm-up %s: %v", e.name, err))
		}
	}
	regNames := []string{}
	for _, r := range registered {
		regNames = append(regNames, r.name)
		if err := warm(reflect.ValueOf(r.value)); err != nil {
			fatal(fmt.Errorf("warm-up %s: %v", r.name, err))
		}
	}
	out := bufio.NewWriter(os.Stdout)
	reply(out, map[string]interface{}{"ready": true, "types": names, "registered": regNames})
	in := bufio.NewReaderSize(os.Stdin, 1<<20)
	for {
		line, err := in.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			reply(out, handle(line))
		}
		if err != nil {
			return
		}
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "interop:", err)
	os.Exit(1)
}

// warm encodes the zero value of a type once, so that it gets its type id now.
func warm(v reflect.Value) error {
	if v.Kind() == reflect.Ptr && v.IsNil() {
		v = reflect.New(v.Type().Elem())
	}
	return gob.NewEncoder(io.Discard).Encode(v.Interface())
}

func reply(out *bufio.Writer, v interface{}) {
	b, err := json.Marshal(v)
	if err != nil {
		b, _ = json.Marshal(map[string]interface{}{"ok": false, "error": "marshal reply: " + err.Error()})
	}
	out.Write(b)
	out.WriteByte('\n')
	out.Flush()
}

type request struct {
	Op    string   `json:"op"`
	Types []string `json:"types"`
	Hex   string   `json:"hex"`
	Items []struct {
		Type  string      `json:"type"`
		Value interface{} `json:"value"`
	} `json:"items"`
}

func handle(line []byte) (res interface{}) {
	defer func() {
		if p := recover(); p != nil {
			res = failure(fmt.Errorf("panic: %v", p))
		}
	}()
	var req request
	d := json.NewDecoder(bytes.NewReader(line))
	d.UseNumber()
	if err := d.Decode(&req); err != nil {
		return failure(err)
	}
	switch req.Op {
	case "encode":
		values := []reflect.Value{}
		for i, it := range req.Items {
			typ, ok := typeByName[it.Type]
			if !ok {
				return failure(fmt.Errorf("unknown type %q", it.Type))
			}
			v := reflect.New(typ).Elem()
			if err := fromJSON(v, it.Value, fmt.Sprintf("items[%d]", i)); err != nil {
				return failure(err)
			}
			values = append(values, v)
		}
		return encodeAll(values, nil)
	case "decode":
		data, err := hex.DecodeString(req.Hex)
		if err != nil {
			return failure(err)
		}
		dec := gob.NewDecoder(bytes.NewReader(data))
		values := []reflect.Value{}
		for i, name := range req.Types {
			typ, ok := typeByName[name]
			if !ok {
				return failure(fmt.Errorf("unknown type %q", name))
			}
			p := reflect.New(typ)
			if err := dec.Decode(p.Interface()); err != nil {
				return failure(fmt.Errorf("decode value %d (%s): %v", i, name, err))
			}
			values = append(values, p.Elem())
		}
		if err := dec.Decode(new(interface{})); err != io.EOF {
			return failure(fmt.Errorf("input left after %d values (%v)", len(values), err))
		}
		js := []json.RawMessage{}
		for _, v := range values {
			var b bytes.Buffer
			if err := toJSON(&b, v); err != nil {
				return failure(err)
			}
			js = append(js, b.Bytes())
		}
		return encodeAll(values, js)
	}
	return failure(fmt.Errorf("unknown op %q", req.Op))
}

func failure(err error) map[string]interface{} {
	return map[string]interface{}{"ok": false, "error": err.Error()}
}

func encodeAll(values []reflect.Value, js []json.RawMessage) interface{} {
	var buf bytes.Buffer
	enc := gob.NewEncoder(&buf)
	parts := []string{}
	for i, v := range values {
		at := buf.Len()
		if err := enc.Encode(v.Interface()); err != nil {
			return failure(fmt.Errorf("encode value %d: %v", i, err))
		}
		parts = append(parts, hex.EncodeToString(buf.Bytes()[at:]))
	}
	res := map[string]interface{}{"ok": true, "hex": hex.EncodeToString(buf.Bytes()), "parts": parts}
	if js != nil {
		res["values"] = js
	}
	return res
}

// ---- Go value -> JSON (the vectors' convention) ----

func isSent(f reflect.StructField) bool {
	r, _ := utf8.DecodeRuneInString(f.Name)
	if !unicode.IsUpper(r) {
		return false
	}
	t := f.Type
	for t.Kind() == reflect.Ptr {
		t = t.Elem()
	}
	return t.Kind() != reflect.Chan && t.Kind() != reflect.Func
}

func writeInt(b *bytes.Buffer, i int64) {
	if i > maxSafe || i < -maxSafe {
		fmt.Fprintf(b, `{"$int":"%d"}`, i)
	} else {
		b.WriteString(strconv.FormatInt(i, 10))
	}
}

func writeFloat(b *bytes.Buffer, f float64) {
	switch {
	case math.IsNaN(f):
		fmt.Fprintf(b, `{"$float":"NaN","bits":"%016x"}`, math.Float64bits(f))
	case math.IsInf(f, 1):
		b.WriteString(`{"$float":"+Inf"}`)
	case math.IsInf(f, -1):
		b.WriteString(`{"$float":"-Inf"}`)
	case f == 0 && math.Signbit(f):
		b.WriteString(`{"$float":"-0"}`)
	default:
		b.WriteString(strconv.FormatFloat(f, 'g', -1, 64))
	}
}

func writeString(b *bytes.Buffer, s string) {
	if !utf8.ValidString(s) {
		fmt.Fprintf(b, `{"$strbytes":%q}`, base64.StdEncoding.EncodeToString([]byte(s)))
		return
	}
	j, _ := json.Marshal(s)
	b.Write(j)
}

// marshal returns GobEncode (preferred, like gob) or MarshalBinary output of a non-pointer value.
func marshal(v reflect.Value) ([]byte, bool, error) {
	if v.Kind() == reflect.Ptr {
		return nil, false, nil
	}
	if v.Type().Implements(gobEncoder) {
		m, err := v.Interface().(gob.GobEncoder).GobEncode()
		return m, true, err
	}
	if v.Type().Implements(binMarshaler) {
		m, err := v.Interface().(encoding.BinaryMarshaler).MarshalBinary()
		return m, true, err
	}
	return nil, false, nil
}

func toJSON(b *bytes.Buffer, v reflect.Value) error {
	if m, ok, err := marshal(v); ok {
		if err != nil {
			return err
		}
		fmt.Fprintf(b, `{"$marshaled":%q}`, base64.StdEncoding.EncodeToString(m))
		return nil
	}
	switch v.Kind() {
	case reflect.Bool:
		b.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		writeInt(b, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		u := v.Uint()
		if u > uint64(maxSafe) {
			fmt.Fprintf(b, `{"$int":"%d"}`, u)
		} else {
			b.WriteString(strconv.FormatUint(u, 10))
		}
	case reflect.Float32, reflect.Float64:
		writeFloat(b, v.Float())
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		b.WriteString(`{"$complex":[`)
		writeFloat(b, real(c))
		b.WriteByte(',')
		writeFloat(b, imag(c))
		b.WriteString(`]}`)
	case reflect.String:
		writeString(b, v.String())
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			fmt.Fprintf(b, `{"$bytes":%q}`, base64.StdEncoding.EncodeToString(v.Bytes()))
			return nil
		}
		return writeList(b, v)
	case reflect.Array:
		return writeList(b, v)
	case reflect.Map:
		if v.IsNil() {
			b.WriteString("null")
			return nil
		}
		type entry struct{ k, v []byte }
		entries := []entry{}
		iter := v.MapRange()
		for iter.Next() {
			var kb, vb bytes.Buffer
			if err := toJSON(&kb, iter.Key()); err != nil {
				return err
			}
			if err := toJSON(&vb, iter.Value()); err != nil {
				return err
			}
			entries = append(entries, entry{kb.Bytes(), vb.Bytes()})
		}
		sort.Slice(entries, func(i, j int) bool { return bytes.Compare(entries[i].k, entries[j].k) < 0 })
		b.WriteString(`{"$map":[`)
		for i, e := range entries {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteByte('[')
			b.Write(e.k)
			b.WriteByte(',')
			b.Write(e.v)
			b.WriteByte(']')
		}
		b.WriteString(`]}`)
	case reflect.Ptr:
		if v.IsNil() {
			b.WriteString("null")
			return nil
		}
		return toJSON(b, v.Elem())
	case reflect.Interface:
		if v.IsNil() {
			b.WriteString("null")
			return nil
		}
		c := v.Elem()
		name, ok := nameByIface[c.Type()]
		if !ok {
			return fmt.Errorf("unregistered interface type %s", c.Type())
		}
		fmt.Fprintf(b, `{"$type":%q,"value":`, name)
		if err := toJSON(b, c); err != nil {
			return err
		}
		b.WriteByte('}')
	case reflect.Struct:
		b.WriteByte('{')
		n := 0
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if !isSent(f) {
				continue
			}
			if n > 0 {
				b.WriteByte(',')
			}
			n++
			fmt.Fprintf(b, "%q:", f.Name)
			if err := toJSON(b, v.Field(i)); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	default:
		return fmt.Errorf("cannot write %s as JSON", v.Type())
	}
	return nil
}

func writeList(b *bytes.Buffer, v reflect.Value) error {
	b.WriteByte('[')
	for i := 0; i < v.Len(); i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		if err := toJSON(b, v.Index(i)); err != nil {
			return err
		}
	}
	b.WriteByte(']')
	return nil
}

// ---- JSON -> Go value ----

func marker(j interface{}, key string) (interface{}, bool) {
	m, ok := j.(map[string]interface{})
	if !ok {
		return nil, false
	}
	x, ok := m[key]
	return x, ok
}

func parseInt(j interface{}, path string) (string, error) {
	if n, ok := j.(json.Number); ok {
		return string(n), nil
	}
	if s, ok := marker(j, "$int"); ok {
		if str, ok := s.(string); ok {
			return str, nil
		}
	}
	return "", fmt.Errorf("%s: expected an integer, got %v", path, j)
}

func parseFloat(j interface{}, path string) (float64, error) {
	if n, ok := j.(json.Number); ok {
		return strconv.ParseFloat(string(n), 64)
	}
	s, ok := marker(j, "$float")
	if !ok {
		return 0, fmt.Errorf("%s: expected a float, got %v", path, j)
	}
	switch s {
	case "+Inf":
		return math.Inf(1), nil
	case "-Inf":
		return math.Inf(-1), nil
	case "-0":
		return math.Copysign(0, -1), nil
	case "NaN":
		bits, _ := marker(j, "bits")
		str, _ := bits.(string)
		if str == "" {
			return math.NaN(), nil
		}
		u, err := strconv.ParseUint(str, 16, 64)
		return math.Float64frombits(u), err
	}
	return 0, fmt.Errorf("%s: bad float %v", path, j)
}

func base64Of(j interface{}, key, path string) ([]byte, error) {
	s, ok := marker(j, key)
	str, ok2 := s.(string)
	if !ok || !ok2 {
		return nil, fmt.Errorf("%s: expected {%q: base64}, got %v", path, key, j)
	}
	return base64.StdEncoding.DecodeString(str)
}

func fromJSON(v reflect.Value, j interface{}, path string) error {
	if pt := reflect.PtrTo(v.Type()); v.Kind() != reflect.Ptr && (pt.Implements(gobDecoder) || pt.Implements(binUnmarshal)) {
		b, err := base64Of(j, "$marshaled", path)
		if err != nil {
			return err
		}
		if pt.Implements(gobDecoder) {
			err = v.Addr().Interface().(gob.GobDecoder).GobDecode(b)
		} else {
			err = v.Addr().Interface().(encoding.BinaryUnmarshaler).UnmarshalBinary(b)
		}
		if err != nil {
			return fmt.Errorf("%s: %v", path, err)
		}
		return nil
	}
	switch v.Kind() {
	case reflect.Bool:
		x, ok := j.(bool)
		if !ok {
			return fmt.Errorf("%s: expected bool, got %v", path, j)
		}
		v.SetBool(x)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		s, err := parseInt(j, path)
		if err != nil {
			return err
		}
		i, err := strconv.ParseInt(s, 10, 64)
		if err != nil || v.OverflowInt(i) {
			return fmt.Errorf("%s: %s does not fit %s", path, s, v.Type())
		}
		v.SetInt(i)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		s, err := parseInt(j, path)
		if err != nil {
			return err
		}
		u, err := strconv.ParseUint(s, 10, 64)
		if err != nil || v.OverflowUint(u) {
			return fmt.Errorf("%s: %s does not fit %s", path, s, v.Type())
		}
		v.SetUint(u)
	case reflect.Float32, reflect.Float64:
		f, err := parseFloat(j, path)
		if err != nil {
			return err
		}
		v.SetFloat(f)
	case reflect.Complex64, reflect.Complex128:
		c, ok := marker(j, "$complex")
		parts, ok2 := c.([]interface{})
		if !ok || !ok2 || len(parts) != 2 {
			return fmt.Errorf("%s: expected $complex, got %v", path, j)
		}
		re, err := parseFloat(parts[0], path)
		if err != nil {
			return err
		}
		im, err := parseFloat(parts[1], path)
		if err != nil {
			return err
		}
		v.SetComplex(complex(re, im))
	case reflect.String:
		if s, ok := j.(string); ok {
			v.SetString(s)
			return nil
		}
		b, err := base64Of(j, "$strbytes", path)
		if err != nil {
			return err
		}
		v.SetString(string(b))
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			b, err := base64Of(j, "$bytes", path)
			if err != nil {
				return err
			}
			v.Set(reflect.ValueOf(b).Convert(v.Type()))
			return nil
		}
		list, ok := j.([]interface{})
		if !ok {
			return fmt.Errorf("%s: expected array, got %v", path, j)
		}
		v.Set(reflect.MakeSlice(v.Type(), len(list), len(list)))
		for i, x := range list {
			if err := fromJSON(v.Index(i), x, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case reflect.Array:
		list, ok := j.([]interface{})
		if !ok || len(list) != v.Len() {
			return fmt.Errorf("%s: expected array of %d, got %v", path, v.Len(), j)
		}
		for i, x := range list {
			if err := fromJSON(v.Index(i), x, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		if j == nil {
			v.Set(reflect.Zero(v.Type()))
			return nil
		}
		e, ok := marker(j, "$map")
		entries, ok2 := e.([]interface{})
		if !ok || !ok2 {
			return fmt.Errorf("%s: expected $map, got %v", path, j)
		}
		m := reflect.MakeMapWithSize(v.Type(), len(entries))
		for i, x := range entries {
			pair, ok := x.([]interface{})
			if !ok || len(pair) != 2 {
				return fmt.Errorf("%s: bad map entry %v", path, x)
			}
			k := reflect.New(v.Type().Key()).Elem()
			if err := fromJSON(k, pair[0], fmt.Sprintf("%s.key[%d]", path, i)); err != nil {
				return err
			}
			val := reflect.New(v.Type().Elem()).Elem()
			if err := fromJSON(val, pair[1], fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
			m.SetMapIndex(k, val)
		}
		v.Set(m)
	case reflect.Ptr:
		if j == nil {
			v.Set(reflect.Zero(v.Type()))
			return nil
		}
		p := reflect.New(v.Type().Elem())
		if err := fromJSON(p.Elem(), j, path); err != nil {
			return err
		}
		v.Set(p)
	case reflect.Interface:
		if j == nil {
			v.Set(reflect.Zero(v.Type()))
			return nil
		}
		n, ok := marker(j, "$type")
		name, ok2 := n.(string)
		typ, ok3 := ifaceByName[name]
		if !ok || !ok2 || !ok3 {
			return fmt.Errorf("%s: expected {$type: registered name, value}, got %v", path, j)
		}
		x, _ := marker(j, "value")
		c := reflect.New(typ).Elem()
		if err := fromJSON(c, x, path+"."+name); err != nil {
			return err
		}
		v.Set(c)
	case reflect.Struct:
		obj, ok := j.(map[string]interface{})
		if !ok {
			return fmt.Errorf("%s: %v", path, errNotObject)
		}
		seen := 0
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			x, present := obj[f.Name]
			if !isSent(f) || !present {
				continue
			}
			seen++
			if err := fromJSON(v.Field(i), x, path+"."+f.Name); err != nil {
				return err
			}
		}
		if seen != len(obj) {
			return fmt.Errorf("%s: unknown fields in %v for %s", path, j, v.Type())
		}
	default:
		return fmt.Errorf("%s: cannot read %s from JSON", path, v.Type())
	}
	return nil
}
