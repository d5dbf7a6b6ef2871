/** Header map of a payload 1.0 request (one value per name; the last one when repeated). */
export interface APIGatewayProxyEventHeaders {
  [name: string]: string | undefined;
}
/** Header map with every value of each header. */
export interface APIGatewayProxyEventMultiValueHeaders {
  [name: string]: string[] | undefined;
}
export interface APIGatewayProxyEventPathParameters {
  [name: string]: string | undefined;
}
export interface APIGatewayProxyEventQueryStringParameters {
  [name: string]: string | undefined;
}
export interface APIGatewayProxyEventMultiValueQueryStringParameters {
  [name: string]: string[] | undefined;
}
export interface APIGatewayProxyEventStageVariables {
  [name: string]: string | undefined;
}

/** The client certificate of a mutual-TLS request. */
export interface APIGatewayEventClientCertificate {
  clientCertPem: string;
  serialNumber: string;
  subjectDN: string;
  issuerDN: string;
  validity: {
    notAfter: string;
    notBefore: string;
  };
}

/**
 * Caller identity of a REST API (payload 1.0) or WebSocket request. API Gateway
 * sends `null` for what does not apply; local emulators leave fields out.
 */
export interface APIGatewayEventIdentity {
  accessKey?: string | null;
  accountId?: string | null;
  apiKey?: string | null;
  apiKeyId?: string | null;
  caller?: string | null;
  clientCert?: APIGatewayEventClientCertificate | null;
  cognitoAuthenticationProvider?: string | null;
  cognitoAuthenticationType?: string | null;
  cognitoIdentityId?: string | null;
  cognitoIdentityPoolId?: string | null;
  principalOrgId?: string | null;
  sourceIp: string;
  user?: string | null;
  userAgent?: string | null;
  userArn?: string | null;
  vpcId?: string | null;
  vpceId?: string | null;
}
