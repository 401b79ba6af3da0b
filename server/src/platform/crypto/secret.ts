import { inspect } from 'node:util';

/**
 * Holds a secret value so that it cannot leak by accident: printing, logging or serialising the
 * wrapper shows "[redacted]"; only an explicit reveal() gives the value.
 */
export class Secret<T = string> {
  readonly #value: T;

  constructor(value: T) {
    this.#value = value;
  }

  reveal(): T {
    return this.#value;
  }

  toString(): string {
    return '[redacted]';
  }

  toJSON(): string {
    return '[redacted]';
  }

  [inspect.custom](): string {
    return 'Secret([redacted])';
  }
}
