export { serve } from './serve.js';
export { useKit } from './kit.js';
