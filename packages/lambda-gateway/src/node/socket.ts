import { EventEmitter } from 'node:events';

/**
 * Stands in for the TCP socket of an in-memory request: what Express and
 * friends read (`encrypted`, `remoteAddress`) and the calls Node's http
 * objects make on it. Nothing is ever sent on it.
 */
export class LambdaSocket extends EventEmitter {
  readonly encrypted: boolean;
  readonly remoteAddress: string | undefined;
  readonly remotePort = 0;
  readonly remoteFamily: string | undefined;
  readable = true;
  writable = true;
  destroyed = false;
  readonly readableHighWaterMark = 16 * 1024;
  readonly _paused = false;

  constructor(encrypted: boolean, remoteAddress: string | undefined) {
    super();
    this.encrypted = encrypted;
    this.remoteAddress = remoteAddress;
    this.remoteFamily = remoteAddress === undefined ? undefined : remoteAddress.includes(':') ? 'IPv6' : 'IPv4';
  }

  address(): { address: string; family: string; port: number } {
    return { address: '127.0.0.1', family: 'IPv4', port: this.encrypted ? 443 : 80 };
  }
  resume(): this {
    return this;
  }
  pause(): this {
    return this;
  }
  setTimeout(): this {
    return this;
  }
  setNoDelay(): this {
    return this;
  }
  setKeepAlive(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  cork(): void {}
  uncork(): void {}
  write(): boolean {
    return true;
  }
  end(): this {
    return this;
  }
  destroy(): this {
    if (!this.destroyed) {
      this.destroyed = true;
      this.readable = false;
      this.writable = false;
      queueMicrotask(() => this.emit('close', false));
    }
    return this;
  }
}
