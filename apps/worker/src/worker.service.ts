import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createTransport } from 'nodemailer';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createActivities } from '../../../activities';
import { createDeadlineSweep } from './deadline-sweep';
import {
  appConfig,
  exchangeConfig,
  mailConfig,
  observabilityConfig,
  temporalConfig,
  workerConfig,
  workflowSource,
} from '../../../libs/config/src';
import { tracing, workerTracing } from '../../../libs/observability/src';
import { temporalConnectionOptions } from '../../../libs/config/src';
import { NoticeMailSender } from './mail/mail-sender';
import { every } from './periodic';
import { SmtpCatcher, startSmtpCatcher } from './mail/smtp-catcher';
import { WorkerMetrics, installRuntime } from './observability';

const RETRY_MAX_MS = 10_000;

/**
 * Owns the Temporal worker: connects (waiting for the server if it is not up yet), loads the
 * workflow bundle (or bundles the sources), runs until the application shuts down, then drains in-flight tasks.
 */
@Injectable()
export class WorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(WorkerService.name);
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;
  private stopping = false;
  private mailSender?: NoticeMailSender;
  private transport?: ReturnType<typeof createTransport>;
  private catcher?: SmtpCatcher;
  private deadlineSweep?: { stop(): Promise<void> };
  private readonly metrics = new WorkerMetrics();

  constructor(
    @Inject(temporalConfig.KEY) private readonly cfg: ConfigType<typeof temporalConfig>,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    @Inject(workerConfig.KEY) private readonly workerCfg: ConfigType<typeof workerConfig>,
    @Inject(mailConfig.KEY) private readonly mail: ConfigType<typeof mailConfig>,
    @Inject(observabilityConfig.KEY) private readonly obs: ConfigType<typeof observabilityConfig>,
    @Inject(exchangeConfig.KEY) private readonly exchange: ConfigType<typeof exchangeConfig>,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const port = this.obs.workerMetricsPort;
    const sdkMetrics = await installRuntime(this.app.logLevel, port !== undefined);
    if (port !== undefined)
      // Metrics are not worth a worker: a port in use is said loudly and the worker runs on.
      await this.metrics
        .listen(this.obs.workerMetricsHost, port, sdkMetrics)
        .catch((err: Error) => this.log.error(`${err.message}: this worker serves no metrics`));
    // Tracing on (OTEL_EXPORTER_OTLP_ENDPOINT): the workflow interceptors in the sandbox too.
    const traced = workerTracing(require.resolve('../../../workflows/interceptors'));
    const workflows = workflowSource(this.workerCfg, {
      // dist/workflow-bundle.js when this runs compiled from dist/apps/worker/src.
      builtBundle: join(__dirname, '..', '..', '..', 'workflow-bundle.js'),
      workflowsPath: require.resolve('../../../workflows'),
      tracing: !!traced,
    });
    this.log.log(
      'workflowBundle' in workflows
        ? `workflows from the bundle ${workflows.workflowBundle.codePath}`
        : 'workflows bundled from source',
    );
    this.connection = await this.connect();
    const mail = await this.mailDeps();
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.cfg.namespace,
      taskQueue: this.cfg.taskQueue,
      ...workflows,
      activities: createActivities({
        dataSource: this.dataSource,
        mail,
        exchange: this.exchange.enabled,
      }),
      ...(traced && {
        // A pre-built bundle carries the workflow interceptors itself (its tracing variant).
        interceptors:
          'workflowBundle' in workflows
            ? { ...traced.interceptors, workflowModules: [] }
            : traced.interceptors,
        sinks: traced.sinks,
      }),
      // From the memory budget (WORKER_MEMORY_MB), not the SDK's guess from the heap limit.
      maxCachedWorkflows: this.workerCfg.maxCachedWorkflows,
      // A read-model write retrying against a PostgreSQL that is down must not hold a stop
      // forever: past this the worker stops anyway and Temporal hands the tasks to another.
      shutdownForceTime: '15 seconds',
    });
    this.running = this.worker.run();
    this.running.catch((err: unknown) => {
      if (this.stopping) return;
      this.log.error(`worker stopped unexpectedly: ${String(err)}`);
      process.exitCode = 1;
      process.kill(process.pid, 'SIGTERM');
    });
    this.mailSender?.startSweeping(this.mail.sweepSeconds);
    this.startDeadlineSweep(mail);
    this.log.log(
      `worker polling task queue "${this.cfg.taskQueue}" on ${this.cfg.address} (namespace ${this.cfg.namespace}; up to ${this.workerCfg.maxCachedWorkflows} cached workflows for ${this.workerCfg.memoryMb} MiB)`,
    );
  }

  /** Resolves once the worker has drained; used by tests that run a worker in-process. */
  get state() {
    return this.worker?.getState() ?? 'INITIALIZED';
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.deadlineSweep?.stop();
    await this.mailSender?.stop();
    this.transport?.close();
    await this.running?.catch(() => undefined);
    await this.catcher?.close();
    await this.connection?.close();
    await this.metrics.close();
    await tracing()?.shutdown();
  }

  /** Warnings and overdues at their instant, for every project at once (DEADLINE_SWEEP_SECONDS). */
  private startDeadlineSweep(mail: { queued(ids: string[]): void } | undefined): void {
    const seconds = this.app.deadlineSweepSeconds;
    if (seconds === 0) {
      this.log.log('deadline sweep off (DEADLINE_SWEEP_SECONDS=0): each workflow writes its own');
      return;
    }
    const sweep = createDeadlineSweep({ dataSource: this.dataSource, mail });
    this.deadlineSweep = every(
      seconds,
      async () => {
        const started = process.hrtime.bigint();
        const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
        const r = await sweep.sweepDeadlines().catch((err: unknown) => {
          this.metrics.observe(elapsed(), 'failed', 0);
          throw err;
        });
        this.metrics.observe(
          elapsed(),
          r.busy ? 'busy' : r.swept + r.skipped > 0 ? 'swept' : 'idle',
          r.swept,
        );
        if (r.swept + r.skipped > 0) {
          this.log.log(
            `deadline sweep as of ${r.asOf}: ${r.swept} projects, ${r.events} events, ${r.notices} notices (${r.skipped} left to their workflow)`,
          );
        }
      },
      (err) => this.log.warn(`deadline sweep failed: ${String(err)}; the next one retries`),
    );
  }

  /**
   * Mail of notices: through SMTP_URL, or the embedded default's catcher; without either the
   * inbox only, said loudly (see libs/config/src/mail.config.ts). Needs the connection.
   */
  private async mailDeps() {
    if (this.mail.mode === 'off') {
      this.log.warn(
        'SMTP_URL is not set: notices reach the web inbox only and NO MAIL IS SENT (set SMTP_URL=smtp://host:port to mail them)',
      );
      return undefined;
    }
    let url = this.mail.smtpUrl!;
    if (this.mail.mode === 'catcher') {
      const dir = this.mail.catcherDir ?? join(tmpdir(), 'approvals-mail');
      // One line per mail at debug: `npm start`'s banner names the folder they are kept in.
      this.catcher = await startSmtpCatcher(dir, (line) => this.log.debug(line));
      url = this.catcher.url;
      this.log.log(`mail of notices goes to the embedded catcher: every mail is a file in ${dir}`);
    } else {
      this.log.log(`mail of notices through ${url.replace(/\/\/[^@/]*@/, '//***@')}`);
    }
    // One pooled SMTP connection or two, kept open, rather than a connection per mail.
    const transport = createTransport({ url, pool: true, maxConnections: 2 });
    this.transport = transport;
    const deps = {
      dataSource: this.dataSource,
      sender: transport,
      from: this.mail.from,
      messageIdDomain: this.mail.messageIdDomain,
      publicUrl: this.mail.publicUrl,
    };
    const sender = new NoticeMailSender(deps, this.log);
    this.mailSender = sender;
    return {
      sender: transport,
      from: deps.from,
      messageIdDomain: deps.messageIdDomain,
      publicUrl: deps.publicUrl,
      queued: (ids: string[]) => sender.queued(ids),
    };
  }

  private async connect(): Promise<NativeConnection> {
    let delay = 500;
    for (let attempt = 1; ; attempt++) {
      try {
        return await NativeConnection.connect(temporalConnectionOptions(this.cfg));
      } catch (err) {
        if (this.stopping) throw err;
        this.log.warn(
          `Temporal at ${this.cfg.address} not reachable (attempt ${attempt}): ${(err as Error).message}; retrying`,
        );
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, RETRY_MAX_MS);
      }
    }
  }
}
