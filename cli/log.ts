import { pino, type Logger } from 'pino';
import type { Config } from '../config/index.js';

/** Structured logs (JSON lines) on stderr: stdout stays for data. */
export function createLogger(config: Pick<Config, 'logLevel'>, name: string): Logger {
  return pino({ name, level: config.logLevel, base: { pid: process.pid } }, pino.destination(2));
}
