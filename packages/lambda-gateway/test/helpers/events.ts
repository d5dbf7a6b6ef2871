// Small event builders for the pitfall tests (shapes as the AWS documentation shows them).
type Rec = Record<string, unknown>;

export function restEvent(over: Rec = {}): Rec {
  return {
    resource: '/{proxy+}',
    path: '/items/1',
    httpMethod: 'GET',
    headers: { Host: 'abc123.execute-api.us-east-1.amazonaws.com', 'X-Forwarded-Proto': 'https' },
    multiValueHeaders: { Host: ['abc123.execute-api.us-east-1.amazonaws.com'], 'X-Forwarded-Proto': ['https'] },
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: { proxy: 'items/1' },
    stageVariables: null,
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      httpMethod: 'GET',
      identity: { sourceIp: '203.0.113.7' },
      path: '/prod/items/1',
      stage: 'prod',
      requestId: 'r1',
      requestTimeEpoch: 0,
      resourceId: 'x',
      resourcePath: '/{proxy+}',
      domainName: 'abc123.execute-api.us-east-1.amazonaws.com',
    },
    body: null,
    isBase64Encoded: false,
    ...over,
  };
}

export function httpEvent(over: Rec = {}, rc: Rec = {}): Rec {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/items/1',
    rawQueryString: '',
    headers: { host: 'abc123.execute-api.us-east-1.amazonaws.com', 'x-forwarded-proto': 'https' },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method: 'GET', path: '/items/1', protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'test' },
      requestId: 'r1',
      routeKey: '$default',
      stage: '$default',
      time: '',
      timeEpoch: 0,
      ...rc,
    },
    isBase64Encoded: false,
    ...over,
  };
}

export function urlEvent(over: Rec = {}, rc: Rec = {}): Rec {
  return httpEvent(
    { headers: { host: 'xyz.lambda-url.us-east-1.on.aws', 'x-forwarded-proto': 'https' }, ...over },
    { domainName: 'xyz.lambda-url.us-east-1.on.aws', domainPrefix: 'xyz', ...rc },
  );
}

export function albEvent(multi: boolean, over: Rec = {}): Rec {
  const base: Rec = {
    requestContext: { elb: { targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/t/1' } },
    httpMethod: 'GET',
    path: '/items/1',
    body: '',
    isBase64Encoded: false,
  };
  if (multi) {
    base.multiValueHeaders = { host: ['lb.example.com'], 'x-forwarded-proto': ['https'] };
    base.multiValueQueryStringParameters = {};
  } else {
    base.headers = { host: 'lb.example.com', 'x-forwarded-proto': 'https' };
    base.queryStringParameters = {};
  }
  return { ...base, ...over };
}

export function websocketEvent(over: Rec = {}, rc: Rec = {}): Rec {
  return {
    requestContext: {
      routeKey: 'sendMessage',
      eventType: 'MESSAGE',
      messageId: 'm1',
      extendedRequestId: 'e',
      requestTime: '',
      messageDirection: 'IN',
      stage: 'prod',
      connectedAt: 0,
      requestTimeEpoch: 0,
      requestId: 'r1',
      domainName: 'ws.example.com',
      connectionId: 'c1',
      apiId: 'ws',
      ...rc,
    },
    body: '{"action":"sendMessage"}',
    isBase64Encoded: false,
    ...over,
  };
}

export function latticeV1Event(over: Rec = {}): Rec {
  return {
    raw_path: '/items/1',
    method: 'GET',
    headers: { host: 'svc-123.abc.vpc-lattice-svcs.us-east-1.on.aws', 'x-forwarded-for': '10.0.0.1' },
    query_string_parameters: { a: 'b c' },
    body: '',
    is_base64_encoded: false,
    ...over,
  };
}

export function latticeV2Event(over: Rec = {}): Rec {
  return {
    version: '2.0',
    path: '/items/1',
    method: 'GET',
    headers: { host: ['svc-123.abc.vpc-lattice-svcs.us-east-1.on.aws'], accept: ['text/html', 'application/json'] },
    queryStringParameters: { tag: ['a', 'b'] },
    body: '',
    isBase64Encoded: false,
    requestContext: {
      serviceNetworkArn: 'arn:aws:vpc-lattice:us-east-1:123456789012:servicenetwork/sn-1',
      serviceArn: 'arn:aws:vpc-lattice:us-east-1:123456789012:service/svc-1',
      targetGroupArn: 'arn:aws:vpc-lattice:us-east-1:123456789012:targetgroup/tg-1',
      identity: { sourceVpcArn: 'arn:aws:ec2:us-east-1:123456789012:vpc/vpc-1' },
      region: 'us-east-1',
      timeEpoch: '1690000000000000',
    },
    ...over,
  };
}
