#!/usr/bin/env node
// Regenerates src/samples/data.ts from the AWS sample payloads in ../../../shared/events
// (AWS documentation samples, as published by aws-lambda-go and the Rust runtime).
// Run by hand when the samples change; the package never reads ../shared at run time.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const shared = path.resolve(here, '../../../../shared/events');
const out = path.resolve(here, '../src/samples/data.ts');

/** Event type -> [kind, description, aliases]. */
const KINDS = {
  S3Event: ['s3', 'S3 object created notification'],
  SQSEvent: ['sqs', 'SQS batch of messages'],
  SNSEvent: ['sns', 'SNS notification'],
  DynamoDBStreamEvent: ['dynamodb', 'DynamoDB stream records', ['dynamodb-stream']],
  KinesisStreamEvent: ['kinesis', 'Kinesis stream records', ['kinesis-stream']],
  EventBridgeEvent: ['eventbridge', 'EventBridge event', ['cloudwatch-event']],
  ScheduledEvent: ['scheduled', 'EventBridge schedule (cron/rate)', ['schedule', 'cron']],
  APIGatewayProxyEventV2: ['http-api', 'API Gateway HTTP API request (payload 2.0)', ['api-gateway-v2']],
  APIGatewayProxyEvent: ['rest-api', 'API Gateway REST API request (payload 1.0)', ['api-gateway']],
  LambdaFunctionURLEvent: ['function-url', 'Lambda function URL request', ['url']],
  ALBEvent: ['alb', 'Application Load Balancer request'],
  APIGatewayProxyEventV2WithIAMAuthorizer: ['http-api-iam', 'HTTP API request with IAM auth'],
  APIGatewayProxyEventV2WithJWTAuthorizer: ['http-api-jwt', 'HTTP API request with a JWT authorizer'],
  APIGatewayProxyEventV2WithLambdaAuthorizer: ['http-api-lambda-authorizer', 'HTTP API request with a Lambda authorizer'],
  APIGatewayProxyWebsocketEventV2: ['websocket', 'API Gateway WebSocket message'],
  APIGatewayRequestAuthorizerEvent: ['rest-api-request-authorizer', 'REST API REQUEST authorizer'],
  APIGatewayRequestAuthorizerEventV2: ['http-api-request-authorizer', 'HTTP API Lambda authorizer (payload 2.0)'],
  APIGatewayTokenAuthorizerEvent: ['rest-api-token-authorizer', 'REST API TOKEN authorizer'],
  LambdaFunctionURLEventWithIAMAuthorizer: ['function-url-iam', 'function URL request with IAM auth'],
  ActiveMQEvent: ['activemq', 'Amazon MQ (ActiveMQ) messages', ['mq']],
  RabbitMQEvent: ['rabbitmq', 'Amazon MQ (RabbitMQ) messages'],
  MSKEvent: ['kafka', 'MSK / self-managed Kafka records', ['msk']],
  AppSyncAuthorizerEvent: ['appsync-authorizer', 'AppSync Lambda authorizer'],
  AppSyncResolverEvent: ['appsync', 'AppSync direct Lambda resolver', ['appsync-resolver']],
  AppSyncResolverTemplateEvent: ['appsync-resolver-template', 'AppSync resolver with a mapping template'],
  AutoScalingEvent: ['autoscaling', 'Auto Scaling lifecycle event'],
  BedrockAgentRuntimeEvent: ['bedrock-agent', 'Bedrock agent action group'],
  CdkCustomResourceEvent: ['cdk-custom-resource', 'CDK custom resource provider request'],
  CloudFormationCustomResourceEvent: ['cloudformation', 'CloudFormation custom resource request'],
  ClientVPNConnectionHandlerEvent: ['client-vpn', 'Client VPN connection handler'],
  CloudWatchAlarmEvent: ['cloudwatch-alarm', 'CloudWatch alarm state change'],
  CloudWatchLogsEvent: ['cloudwatch-logs', 'CloudWatch Logs subscription'],
  CodeBuildCloudWatchStateEvent: ['codebuild-state', 'CodeBuild build state change'],
  CodeBuildPhaseChangeEvent: ['codebuild-phase', 'CodeBuild phase change'],
  CodeCommitTriggerEvent: ['codecommit', 'CodeCommit trigger'],
  CodeDeployDeploymentEvent: ['codedeploy-deployment', 'CodeDeploy deployment state change'],
  CodeDeployInstanceEvent: ['codedeploy-instance', 'CodeDeploy instance state change'],
  CodeDeployLifecycleHookEvent: ['codedeploy-lifecycle-hook', 'CodeDeploy lifecycle hook'],
  CodePipelineEvent: ['codepipeline', 'CodePipeline job', ['codepipeline-job']],
  CodePipelineCloudWatchActionEvent: ['codepipeline-action', 'CodePipeline action execution state change'],
  CodePipelineCloudWatchPipelineEvent: ['codepipeline-pipeline', 'CodePipeline pipeline execution state change'],
  CodePipelineCloudWatchStageEvent: ['codepipeline-stage', 'CodePipeline stage execution state change'],
  CognitoSyncTriggerEvent: ['cognito-sync', 'Cognito Sync trigger'],
  CreateAuthChallengeTriggerEvent: ['cognito-create-auth-challenge', 'Cognito user pool: create auth challenge'],
  CustomMessageTriggerEvent: ['cognito-custom-message', 'Cognito user pool: custom message'],
  DefineAuthChallengeTriggerEvent: ['cognito-define-auth-challenge', 'Cognito user pool: define auth challenge'],
  InboundFederationTriggerEvent: ['cognito-inbound-federation', 'Cognito user pool: inbound federation'],
  PostAuthenticationTriggerEvent: ['cognito-post-authentication', 'Cognito user pool: post authentication'],
  PostConfirmationTriggerEvent: ['cognito-post-confirmation', 'Cognito user pool: post confirmation'],
  PreAuthenticationTriggerEvent: ['cognito-pre-authentication', 'Cognito user pool: pre authentication'],
  PreSignUpTriggerEvent: ['cognito-pre-sign-up', 'Cognito user pool: pre sign-up'],
  PreTokenGenerationTriggerEvent: ['cognito-pre-token-generation', 'Cognito user pool: pre token generation'],
  PreTokenGenerationV2TriggerEvent: ['cognito-pre-token-generation-v2', 'Cognito user pool: pre token generation v2'],
  UserMigrationTriggerEvent: ['cognito-user-migration', 'Cognito user pool: user migration'],
  VerifyAuthChallengeResponseTriggerEvent: ['cognito-verify-auth-challenge', 'Cognito user pool: verify auth challenge response'],
  ConfigRuleEvent: ['config', 'AWS Config rule evaluation'],
  ConnectContactFlowEvent: ['connect', 'Amazon Connect contact flow'],
  DocumentDBEvent: ['documentdb', 'DocumentDB change stream'],
  DynamoDBStreamTumblingWindowEvent: ['dynamodb-tumbling-window', 'DynamoDB stream with a tumbling window'],
  ECRImageActionEvent: ['ecr-image-action', 'ECR image push'],
  ECRImageScanEvent: ['ecr-image-scan', 'ECR image scan'],
  ECSContainerInstanceStateChangeEvent: ['ecs-container-instance', 'ECS container instance state change'],
  FirehoseTransformationEvent: ['firehose', 'Firehose transformation records'],
  IoTButtonEvent: ['iot-button', 'IoT button press'],
  IoTCustomAuthorizerEvent: ['iot-custom-authorizer', 'IoT custom authorizer'],
  IoTOneClickEvent: ['iot-1-click', 'IoT 1-Click device event'],
  IoTPreProvisioningHookEvent: ['iot-pre-provisioning-hook', 'IoT pre-provisioning hook'],
  KinesisAnalyticsOutputDeliveryEvent: ['kinesis-analytics', 'Kinesis Analytics output delivery'],
  KinesisStreamTumblingWindowEvent: ['kinesis-tumbling-window', 'Kinesis stream with a tumbling window'],
  LexEvent: ['lex', 'Lex bot event'],
  S3BatchEvent: ['s3-batch', 'S3 Batch Operations job task'],
  S3ObjectLambdaEvent: ['s3-object-lambda', 'S3 Object Lambda request'],
  SecretsManagerRotationEvent: ['secrets-manager-rotation', 'Secrets Manager rotation step', ['secrets-manager']],
  SESEvent: ['ses', 'SES receipt'],
};

function pointer(doc, p) {
  const keys = p.split('/').slice(1).map((k) => k.replaceAll('~1', '/').replaceAll('~0', '~'));
  const last = keys.pop();
  let parent = doc;
  for (const k of keys) parent = parent[Array.isArray(parent) ? Number(k) : k];
  return [parent, last];
}
function applyPatch(doc, ops) {
  for (const op of ops) {
    const [parent, key] = pointer(doc, op.path);
    if (op.op === 'remove') Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key];
    else if (op.op === 'add' && Array.isArray(parent)) parent.splice(key === '-' ? parent.length : Number(key), 0, op.value);
    else if (op.op === 'add' || op.op === 'replace') parent[key] = op.value;
    else throw new Error(`unsupported patch op ${op.op}`);
  }
  return doc;
}

const index = JSON.parse(readFileSync(path.join(shared, 'index.json'), 'utf8'));
const samples = {};
const aliases = {};
for (const [type, [kind, description, alias = []]] of Object.entries(KINDS)) {
  const entry = index.find((e) => e.type === type && e.role === 'event');
  if (!entry) throw new Error(`no sample for ${type}`);
  let event = JSON.parse(readFileSync(path.join(shared, entry.file), 'utf8'));
  if (entry.patch) event = applyPatch(event, entry.patch.operations ?? entry.patch.ops ?? entry.patch);
  samples[kind] = { type, description, event };
  for (const a of alias) aliases[a] = kind;
}
const missing = [...new Set(index.filter((e) => e.role === 'event').map((e) => e.type))].filter((t) => !KINDS[t]);
if (missing.length) throw new Error(`event types without a kind: ${missing.join(', ')}`);

writeFileSync(
  out,
  `// Generated by scripts/gen-samples.mjs from AWS documentation sample events. Do not edit.\n` +
    `import type { Sample } from './types.js';\n\n` +
    `/** Sample events by kind. */\nexport const SAMPLES: Record<string, Sample> = ${JSON.stringify(samples, null, 1)};\n\n` +
    `/** Other names of kinds. */\nexport const ALIASES: Record<string, string> = ${JSON.stringify(aliases, null, 1)};\n`,
);
console.log(`wrote ${Object.keys(samples).length} samples to ${path.relative(process.cwd(), out)}`);
