/**
 * The process's one pino logger and Nest's logger on it (nestjs-pino). JSON lines for machines
 * (`time`, `level`, `context`, `msg`, `requestId` inside a request, the fields logged), readable
 * lines through pino-pretty when LOG_FORMAT=text or, unset, when stdout is a terminal.
 */
import { RequestMethod, type LoggerService } from '@nestjs/common';
import { Logger as NestPinoLogger, PinoLogger, type Params } from 'nestjs-pino';
import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { Env, parseAppConfig, readLogFormat, type LogFormat } from '../../config/src';

/** LOG_LEVEL's names (Nest's) as pino's. */
const PINO_LEVEL = {
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
} as const;

export type LogThreshold = keyof typeof PINO_LEVEL;

export interface LoggerOptions {
  level: LogThreshold;
  format: LogFormat;
  /** Where lines go (tests); default stdout. */
  destination?: DestinationStream;
}

export function loggerOptionsFrom(env: Env): LoggerOptions {
  return { level: parseAppConfig(env).logLevel, format: readLogFormat(env) };
}

export function createLogger({ level, format, destination }: LoggerOptions): Logger {
  const options: pino.LoggerOptions = {
    level: PINO_LEVEL[level],
    base: undefined, // no pid and hostname on every line
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  };
  if (format === 'json') return pino(options, destination ?? pino.destination(1));
  const text = pretty({
    sync: true,
    destination: destination ?? 1,
    colorize: !destination && !!process.stdout.isTTY,
    translateTime: 'SYS:HH:MM:ss.l',
    // The access line's message already says method, path and status.
    ignore: 'context,method,path,status',
    messageFormat: '{if context}[{context}] {end}{msg}',
    singleLine: true,
  });
  return pino(options, text);
}

let root: Logger | undefined;

/** The process's logger, made from LOG_LEVEL and LOG_FORMAT on first use. */
export function rootLogger(): Logger {
  return (root ??= createLogger(loggerOptionsFrom(process.env)));
}

/** Replaces the process's logger (a test that reads the lines); before any Nest logger is made. */
export function useRootLogger(logger: Logger): void {
  root = logger;
}

/**
 * Nest's start-up chatter at `log`: one line per module, controller and route. Written at debug,
 * so `npm start` at the default level shows what an operator reads (the web address first).
 */
const CHATTY = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

class AppLogger extends NestPinoLogger {
  override log(message: unknown, ...params: unknown[]): void {
    if (CHATTY.has(params[params.length - 1] as string)) super.debug(message, ...params);
    else super.log(message, ...params);
  }
}

/** nestjs-pino's settings: the root logger as it is; pino-http is set up by the API itself. */
export function pinoParams(): Params {
  return {
    pinoHttp: { logger: rootLogger() },
    useExisting: true,
    // Every route, in path-to-regexp 8's words (its `*` default makes Nest warn at start).
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
  };
}

/**
 * Nest's logger for `NestFactory.create(…, { logger })`: `new Logger(ctx).log(…)` anywhere
 * becomes a pino line with `context`, inside a request the request's (nestjs-pino binds it).
 */
export function nestLogger(): LoggerService {
  const params = pinoParams();
  return new AppLogger(new PinoLogger(params), params);
}
