// The package's classes, built as one module (dist/classes.js, dist/classes.cjs) that every entry
// imports: the entries are otherwise self-contained files, and `instanceof` must hold across them.
// Everything a class module exports goes through here (the build points their imports at this file).
export * from './errors.js';
export * from './dynamodb/number.js';
