import type { LoggerService, LogLevel } from '@nestjs/common';
import { LogFormat, LogThreshold } from './logging.config';
import { currentRequestId } from './request-context';

const SEVERITY: Record<LogLevel, number> = {
  verbose: 0,
  debug: 1,
  log: 2,
  warn: 3,
  error: 4,
  fatal: 5,
};

/** The name each level carries in the output: Nest's `log` is the informational level. */
export const LEVEL_NAMES: Record<LogLevel, string> = {
  verbose: 'verbose',
  debug: 'debug',
  log: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'fatal',
};

/** Keys every line owns; a field of a logged object with one of these names gets a `_` prefix. */
const CORE_KEYS = new Set(['time', 'level', 'context', 'requestId', 'msg', 'stack']);

export interface JsonLoggerOptions {
  /** The lowest level written; `fatal` is always written. Default `log`. */
  level?: LogThreshold;
  /** `json` (default): one object per line; `text`: one readable line, then the stack. */
  format?: LogFormat;
  /** The context of lines that name none. */
  context?: string;
  /** Where finished lines go (each ends with a newline). Default: process.stdout. */
  write?: (line: string) => void;
}

/** Extra fields for `emit`, and the time the entry happened when it is not now. */
export interface EmitOptions {
  context?: string;
  time?: Date;
}

interface Parsed {
  messages: unknown[];
  context?: string;
  stack?: string;
}

/**
 * Nest's LoggerService writing one JSON object per line to stdout: `time`, `level`, `context`,
 * `requestId` (inside a request), `msg`, the fields of any object logged, and `stack` for
 * errors. Arguments are read the way Nest's ConsoleLogger reads them (a trailing string is the
 * context; for errors a string before it is the stack), so `new Logger('x').error(m, stack)`
 * and Nest's own calls come out right. Logging never throws: a line that cannot be serialised
 * is replaced by one that says so.
 */
export class JsonLogger implements LoggerService {
  private enabled: Set<LogLevel>;
  private readonly format: LogFormat;
  private readonly context?: string;
  private readonly sink: (line: string) => void;

  constructor(options: JsonLoggerOptions = {}) {
    this.enabled = levelsFrom(options.level ?? 'log');
    this.format = options.format ?? 'json';
    this.context = options.context;
    this.sink = options.write ?? ((line) => process.stdout.write(line));
  }

  log(message: unknown, ...params: unknown[]): void {
    this.handle('log', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.handle('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.handle('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.handle('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.handle('verbose', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.handle('fatal', message, params);
  }

  /** Nest calls this when an application is created with a list of levels. */
  setLogLevels(levels: LogLevel[]): void {
    this.enabled = new Set(levels);
  }

  isLevelEnabled(level: LogLevel): boolean {
    return this.enabled.has(level);
  }

  /** One entry with its fields given apart: for bridges from other loggers (Temporal's). */
  emit(
    level: LogLevel,
    msg: string,
    fields: Record<string, unknown> = {},
    options: EmitOptions = {},
  ): void {
    if (!this.enabled.has(level)) return;
    try {
      const { stack, ...rest } = fields;
      this.writeRecord(
        level,
        options.context ?? this.context,
        [msg],
        rest,
        typeof stack === 'string' ? stack : undefined,
        options.time,
      );
    } catch (err) {
      this.writeFailure(level, err);
    }
  }

  private handle(level: LogLevel, message: unknown, params: unknown[]): void {
    if (!this.enabled.has(level)) return;
    try {
      const parsed =
        level === 'error' || level === 'fatal'
          ? splitErrorParams(message, params)
          : splitParams(message, params);
      const texts: string[] = [];
      const fields: Record<string, unknown> = {};
      let stack = parsed.stack;
      for (const m of parsed.messages) stack = absorb(m, texts, fields) ?? stack;
      // An explicit stack argument wins over one found on a logged Error.
      this.writeRecord(level, parsed.context ?? this.context, texts, fields, parsed.stack ?? stack);
    } catch (err) {
      this.writeFailure(level, err);
    }
  }

  private writeRecord(
    level: LogLevel,
    context: string | undefined,
    texts: string[],
    fields: Record<string, unknown>,
    stack: string | undefined,
    time = new Date(),
  ): void {
    const { requestId: given, ...rest } = fields;
    const record: Record<string, unknown> = {
      time: validTime(time),
      level: LEVEL_NAMES[level],
      context,
      requestId: typeof given === 'string' ? given : currentRequestId(),
      msg: texts.join(' '),
    };
    if (given !== undefined && typeof given !== 'string') record._requestId = given;
    for (const [key, value] of Object.entries(rest)) {
      record[CORE_KEYS.has(key) ? `_${key}` : key] = value;
    }
    if (stack !== undefined) record.stack = stack;
    this.sink(this.format === 'text' ? textLine(record) : `${safeStringify(record)}\n`);
  }

  private writeFailure(level: LogLevel, err: unknown): void {
    try {
      this.sink(
        `${JSON.stringify({
          time: new Date().toISOString(),
          level: LEVEL_NAMES[level],
          context: 'logger',
          msg: 'a log line could not be written',
          reason: err instanceof Error ? err.message : typeof err,
        })}\n`,
      );
    } catch {
      // Nowhere left to report it; logging must not take the caller down.
    }
  }
}

function levelsFrom(threshold: LogThreshold): Set<LogLevel> {
  return new Set(
    (Object.keys(SEVERITY) as LogLevel[]).filter((l) => SEVERITY[l] >= SEVERITY[threshold]),
  );
}

function validTime(time: Date): string {
  return Number.isNaN(time.getTime()) ? new Date().toISOString() : time.toISOString();
}

/** Nest's convention: a trailing string argument is the context. */
function splitParams(message: unknown, params: unknown[]): Parsed {
  const last = params[params.length - 1];
  if (params.length > 0 && typeof last === 'string') {
    return { messages: [message, ...params.slice(0, -1)], context: last };
  }
  return { messages: [message, ...params] };
}

/** Nest's convention for errors: `(message, stack?, context?)`. */
function splitErrorParams(message: unknown, params: unknown[]): Parsed {
  if (params.length === 1) {
    const [only] = params;
    if (looksLikeStack(only)) return { messages: [message], stack: only };
    if (typeof only === 'string') return { messages: [message], context: only };
    return { messages: only === undefined ? [message] : [message, only] };
  }
  const { messages, context } = splitParams(message, params);
  if (messages.length <= 1) return { messages, context };
  const last = messages[messages.length - 1];
  if (last === undefined || typeof last === 'string') {
    return { messages: messages.slice(0, -1), context, stack: last };
  }
  return { messages, context };
}

function looksLikeStack(value: unknown): value is string {
  return typeof value === 'string' && /^(.)+\n\s+at .+:\d+:\d+/.test(value);
}

/** Adds one logged value to the line: text to `msg`, object keys as fields; returns a stack. */
function absorb(m: unknown, texts: string[], fields: Record<string, unknown>): string | undefined {
  if (m === undefined) return undefined;
  if (m instanceof Error) {
    texts.push(m.name && m.name !== 'Error' ? `${m.name}: ${m.message}` : m.message);
    return m.stack;
  }
  if (typeof m === 'string') {
    texts.push(m);
    return undefined;
  }
  if (typeof m === 'object' && m !== null && !Array.isArray(m) && !(m instanceof Date)) {
    let stack: string | undefined;
    for (const [key, value] of Object.entries(m)) {
      if ((key === 'msg' || key === 'message') && typeof value === 'string') texts.push(value);
      else if (key === 'stack' && typeof value === 'string') stack = value;
      else fields[key] = value;
    }
    return stack;
  }
  if (typeof m === 'object') texts.push(m === null ? 'null' : safeStringify(m));
  else if (typeof m === 'function') texts.push(`[function ${m.name}]`);
  else if (typeof m === 'symbol') texts.push(m.toString());
  else texts.push(`${m as number | boolean | bigint}`);
  return undefined;
}

/** JSON.stringify that survives cycles, BigInt and Error values (which would print as `{}`). */
export function safeStringify(value: unknown): string {
  const ancestors: unknown[] = [];
  return JSON.stringify(value, function (this: unknown, _key: string, v: unknown): unknown {
    if (typeof v === 'bigint') return v.toString();
    if (v instanceof Error) v = { name: v.name, message: v.message, stack: v.stack };
    if (typeof v !== 'object' || v === null) return v;
    while (ancestors.length > 0 && ancestors[ancestors.length - 1] !== this) ancestors.pop();
    if (ancestors.includes(v)) return '[Circular]';
    ancestors.push(v);
    return v;
  });
}

/** `time LEVEL [context] msg key=value …`, then the stack on its own lines. */
function textLine(record: Record<string, unknown>): string {
  const { time, level, context, msg, stack, ...rest } = record;
  let line = `${String(time)} ${String(level).toUpperCase().padEnd(7)} `;
  if (typeof context === 'string') line += `[${context}] `;
  line += String(msg);
  for (const [key, value] of Object.entries(rest)) {
    if (value === undefined) continue;
    line += ` ${key}=${typeof value === 'string' && /^[^\s"=]+$/.test(value) ? value : safeStringify(value)}`;
  }
  if (typeof stack === 'string') line += `\n${stack}`;
  return `${line}\n`;
}
