/**
 * A DynamoDB number kept as its exact decimal string (DynamoDB numbers have
 * up to 38 significant digits, more than a JavaScript `number` holds).
 * `unmarshall(..., { numbers: 'wrap' })` returns these; `marshall` writes them back unchanged.
 *
 * @example
 * ```ts
 * const n = new DynamoDBNumber('12345678901234567890.123');
 * n.toString(); // "12345678901234567890.123"
 * ```
 */
export class DynamoDBNumber {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
  toJSON(): string {
    return this.value;
  }
}
