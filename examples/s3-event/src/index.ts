// Prints the key of every object in an S3 notification (keys arrive URL-encoded, `+` for spaces).
import { events, logger, start, type S3Event } from '@tslambda/lambda';

start(async (event: S3Event) => {
  const objects = event.Records.map((record) => ({
    bucket: record.s3.bucket.name,
    key: events.decodeS3Key(record.s3.object.key),
    size: record.s3.object.size ?? 0,
  }));
  for (const o of objects) logger.info(`s3://${o.bucket}/${o.key}`, { size: o.size });
  return { keys: objects.map((o) => o.key) };
});
