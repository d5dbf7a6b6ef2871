import { expect, test } from 'vitest';
import { GobError } from '@tslambda/gob';
test('loads', () => { expect(new GobError('x', 'y').code).toBe('y'); });
