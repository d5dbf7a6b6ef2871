export { GobError } from './errors.js';
