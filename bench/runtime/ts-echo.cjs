// The TS runtime with an echo handler, as a CommonJS function (`index.js` without "type": "module").
const { start } = require('@tslambda/lambda-runtime');

start(async (event) => event);
