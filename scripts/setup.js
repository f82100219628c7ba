#!/usr/bin/env node
/*
 * Prepares the two Temporal binaries the product and its tests need, once, on `npm ci`.
 * Nothing here downloads a release binary: the dev server CLI is built from the Go module
 * proxy and the time-skipping test server comes from Maven Central.
 *
 *   node scripts/setup.js            both (what postinstall runs)
 *   node scripts/setup.js cli        only the `temporal` CLI
 *   node scripts/setup.js test-server only the Java time-skipping test server
 *   node scripts/setup.js s3proxy    only S3Proxy (an S3-compatible store, from Maven Central)
 *   node scripts/setup.js cluster    the Temporal server, its SQL schema tool and the Web UI
 *                                    server (`npm run start:cluster`; not part of `npm ci`)
 *
 * Environment:
 *   TEMPORAL_CLI_PATH         use this `temporal` binary instead of building one
 *   TEMPORAL_SKIP_SETUP=1     do nothing (production images that connect to a real cluster)
 *   TEMPORAL_SKIP_TEST_SERVER=1  skip the Java test server (machines that never run tests)
 *   TEMPORAL_SERVER_PATH, TEMPORAL_SQL_TOOL_PATH, TEMPORAL_UI_SERVER_PATH  the cluster's binaries
 *                             (else `temporal-server`, `temporal-sql-tool`, `temporal-ui-server`
 *                             on PATH, else built into .temporal/ with go install)
 *   TEMPORAL_SCHEMA_DIR       the server's schema/ folder (else taken from the Go module)
 */
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const TOOLS = path.join(ROOT, '.temporal');
const CLI_VERSION = 'v1.5.1';
const TEST_SERVER_VERSION = '1.38.0';
const WRAPPER_REVISION = 2; // bump when the generated wrapper changes
// The cluster's release: docker-compose.yml runs the images of the same versions.
const SERVER_VERSION = 'v1.32.1';
const UI_SERVER_VERSION = 'v2.42.1';
const SERVER_MODULE = 'go.temporal.io/server';

/**
 * The cluster's binaries. Each gets its own GOBIN: `go install` names both server binaries
 * after their package folder (`server`).
 */
const CLUSTER_TOOLS = {
  server: {
    env: 'TEMPORAL_SERVER_PATH',
    onPath: 'temporal-server',
    pkg: `${SERVER_MODULE}/cmd/server@${SERVER_VERSION}`,
    dir: `server-${SERVER_VERSION}`,
    bin: 'server',
  },
  sql: {
    env: 'TEMPORAL_SQL_TOOL_PATH',
    onPath: 'temporal-sql-tool',
    pkg: `${SERVER_MODULE}/cmd/tools/sql@${SERVER_VERSION}`,
    dir: `sql-tool-${SERVER_VERSION}`,
    bin: 'sql',
  },
  ui: {
    env: 'TEMPORAL_UI_SERVER_PATH',
    onPath: 'temporal-ui-server',
    pkg: `github.com/temporalio/ui-server/v2/cmd/server@${UI_SERVER_VERSION}`,
    dir: `ui-server-${UI_SERVER_VERSION}`,
    bin: 'server',
  },
};

/** A tool the machine lacks: install goes on (a deployment may not need it), with a warning. */
class MissingTool extends Error {}

function log(msg) {
  process.stdout.write(`[setup] ${msg}\n`);
}

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Where the `temporal` CLI is, in the order the README documents. */
function resolveCli() {
  if (process.env.TEMPORAL_CLI_PATH)
    return { path: process.env.TEMPORAL_CLI_PATH, source: 'TEMPORAL_CLI_PATH' };
  const onPath = which('temporal');
  if (onPath) return { path: onPath, source: 'PATH' };
  const local = path.join(TOOLS, 'bin', 'temporal');
  if (fs.existsSync(local)) return { path: local, source: 'built' };
  return null;
}

function ensureCli() {
  const found = resolveCli();
  if (found) {
    if (!fs.existsSync(found.path)) {
      throw new Error(`TEMPORAL_CLI_PATH=${found.path} does not exist; fix or unset it`);
    }
    log(`temporal CLI: ${found.path} (${found.source})`);
    return found.path;
  }
  if (!which('go')) {
    throw new MissingTool(
      'no `temporal` CLI: install Go 1.22+ (it is built with `go install`), put `temporal` on PATH, or set TEMPORAL_CLI_PATH',
    );
  }
  const bin = path.join(TOOLS, 'bin');
  fs.mkdirSync(bin, { recursive: true });
  log(`building temporal CLI ${CLI_VERSION} with go install (first time only, a few minutes)...`);
  const t0 = Date.now();
  execFileSync('go', ['install', `github.com/temporalio/cli/cmd/temporal@${CLI_VERSION}`], {
    stdio: 'inherit',
    env: { ...process.env, GOBIN: bin, CGO_ENABLED: process.env.CGO_ENABLED ?? '0' },
  });
  log(
    `temporal CLI built in ${Math.round((Date.now() - t0) / 1000)} s: ${path.join(bin, 'temporal')}`,
  );
  return path.join(bin, 'temporal');
}

/** Where a cluster binary is: its variable, PATH, or the one built here; null if none. */
function resolveClusterTool(name) {
  const t = CLUSTER_TOOLS[name];
  if (process.env[t.env]) return { path: process.env[t.env], source: t.env };
  const onPath = which(t.onPath);
  if (onPath) return { path: onPath, source: 'PATH' };
  const local = path.join(TOOLS, t.dir, t.bin);
  if (fs.existsSync(local)) return { path: local, source: 'built' };
  return null;
}

function ensureClusterTool(name) {
  const found = resolveClusterTool(name);
  if (found) {
    if (!fs.existsSync(found.path))
      throw new Error(`${CLUSTER_TOOLS[name].env}=${found.path} does not exist; fix or unset it`);
    log(`${CLUSTER_TOOLS[name].onPath}: ${found.path} (${found.source})`);
    return found.path;
  }
  const t = CLUSTER_TOOLS[name];
  if (!which('go'))
    throw new MissingTool(
      `no ${t.onPath}: install Go 1.25+ (it is built with \`go install ${t.pkg}\`), put ${t.onPath} on PATH, or set ${t.env}`,
    );
  const bin = path.join(TOOLS, t.dir);
  fs.mkdirSync(bin, { recursive: true });
  log(`building ${t.onPath} with go install ${t.pkg} (first time only; several minutes)...`);
  const t0 = Date.now();
  execFileSync('go', ['install', t.pkg], {
    stdio: 'inherit',
    env: { ...process.env, GOBIN: bin, CGO_ENABLED: process.env.CGO_ENABLED ?? '0' },
  });
  log(`${t.onPath} built in ${Math.round((Date.now() - t0) / 1000)} s: ${path.join(bin, t.bin)}`);
  return path.join(bin, t.bin);
}

/**
 * The server's schema/ folder (postgresql/v12/{temporal,visibility}/versioned): a copy kept in
 * .temporal/, taken from the Go module (downloaded into the module cache if need be).
 */
function ensureSchemaDir() {
  if (process.env.TEMPORAL_SCHEMA_DIR) return process.env.TEMPORAL_SCHEMA_DIR;
  const copy = path.join(TOOLS, `schema-${SERVER_VERSION}`);
  if (fs.existsSync(path.join(copy, 'postgresql', 'v12'))) return copy;
  if (!which('go'))
    throw new MissingTool(
      'no Temporal schema: set TEMPORAL_SCHEMA_DIR to the schema/ folder of the server release, or install Go',
    );
  const out = execFileSync(
    'go',
    ['mod', 'download', '-json', `${SERVER_MODULE}@${SERVER_VERSION}`],
    {
      encoding: 'utf8',
    },
  );
  const dir = JSON.parse(out).Dir;
  fs.cpSync(path.join(dir, 'schema'), copy, { recursive: true });
  // The module cache is read-only; the copy need not be.
  execFileSync('chmod', ['-R', 'u+w', copy]);
  log(`Temporal schema ${SERVER_VERSION}: ${copy}`);
  return copy;
}

/** Everything `npm run start:cluster` needs, built once. */
function ensureCluster() {
  return {
    server: ensureClusterTool('server'),
    sql: ensureClusterTool('sql'),
    ui: ensureClusterTool('ui'),
    schemaDir: ensureSchemaDir(),
    serverVersion: SERVER_VERSION,
    uiVersion: UI_SERVER_VERSION,
  };
}

const POM = `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.approvals</groupId>
  <artifactId>temporal-test-server-fetch</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>io.temporal</groupId>
      <artifactId>temporal-test-server</artifactId>
      <version>${TEST_SERVER_VERSION}</version>
    </dependency>
  </dependencies>
</project>
`;

/**
 * The SDK starts an `existing-path` test server as `<path> <port> --enable-time-skipping`,
 * which is the Java TestServer's own command line, so the wrapper only adds the classpath.
 */
function ensureTestServer() {
  const dir = path.join(TOOLS, 'test-server');
  const wrapper = path.join(dir, 'temporal-test-server');
  const lib = path.join(dir, 'lib');
  const marker = path.join(dir, `.version-${TEST_SERVER_VERSION}-${WRAPPER_REVISION}`);
  if (fs.existsSync(wrapper) && fs.existsSync(marker)) {
    log(`time-skipping test server: ${wrapper}`);
    return wrapper;
  }
  if (!which('java'))
    throw new Error('no `java` on PATH: the time-skipping test server needs Java 11+');
  if (!which('mvn'))
    throw new Error(
      'no `mvn` on PATH: it fetches the time-skipping test server from Maven Central',
    );
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(lib, { recursive: true });
  fs.writeFileSync(path.join(dir, 'pom.xml'), POM);
  log(`fetching io.temporal:temporal-test-server:${TEST_SERVER_VERSION} from Maven Central...`);
  execFileSync(
    'mvn',
    [
      '-q',
      '-B',
      '-f',
      path.join(dir, 'pom.xml'),
      'dependency:copy-dependencies',
      `-DoutputDirectory=${lib}`,
      '-DincludeScope=runtime',
    ],
    { stdio: 'inherit' },
  );
  fs.writeFileSync(
    wrapper,
    `#!/bin/sh\n# Generated by scripts/setup.js: Temporal's Java time-skipping test server.\nexec java \${TEMPORAL_TEST_SERVER_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx512m} -cp "${lib}/*" io.temporal.testserver.TestServer "$@"\n`,
    { mode: 0o755 },
  );
  fs.writeFileSync(marker, '');
  log(`time-skipping test server: ${wrapper}`);
  return wrapper;
}

const S3PROXY_VERSION = '2.6.0';

/**
 * S3Proxy (org.gaul:s3proxy, Maven Central): an S3-compatible server with a file-system backend,
 * which the S3 storage driver is tested against and `npm run start:cluster` keeps materials in.
 * Answers the path of its jar (S3PROXY_JAR overrides).
 */
function ensureS3Proxy() {
  if (process.env.S3PROXY_JAR) return process.env.S3PROXY_JAR;
  const dir = path.join(TOOLS, `s3proxy-${S3PROXY_VERSION}`);
  const jar = path.join(dir, `s3proxy-${S3PROXY_VERSION}-jar-with-dependencies.jar`);
  if (fs.existsSync(jar)) return jar;
  if (!which('java')) throw new Error('no `java` on PATH: S3Proxy needs Java 17+');
  if (!which('mvn')) throw new Error('no `mvn` on PATH: it fetches S3Proxy from Maven Central');
  fs.mkdirSync(dir, { recursive: true });
  log(`fetching org.gaul:s3proxy:${S3PROXY_VERSION} from Maven Central...`);
  execFileSync(
    'mvn',
    [
      '-q',
      '-B',
      'dependency:copy',
      `-Dartifact=org.gaul:s3proxy:${S3PROXY_VERSION}:jar:jar-with-dependencies`,
      `-DoutputDirectory=${dir}`,
    ],
    { stdio: 'inherit' },
  );
  log(`S3Proxy: ${jar}`);
  return jar;
}

module.exports = {
  resolveCli,
  ensureS3Proxy,
  ensureCli,
  ensureTestServer,
  resolveClusterTool,
  ensureCluster,
  SERVER_VERSION,
  UI_SERVER_VERSION,
  TOOLS,
};

if (require.main === module) {
  if (process.env.TEMPORAL_SKIP_SETUP === '1') {
    log('TEMPORAL_SKIP_SETUP=1: skipping Temporal binaries');
    process.exit(0);
  }
  const what = process.argv[2] ?? 'all';
  try {
    if (what === 'all' || what === 'cli') ensureCli();
    if ((what === 'all' && process.env.TEMPORAL_SKIP_TEST_SERVER !== '1') || what === 'test-server')
      ensureTestServer();
    if ((what === 'all' && process.env.TEMPORAL_SKIP_TEST_SERVER !== '1') || what === 's3proxy')
      ensureS3Proxy();
    if (what === 'cluster') {
      ensureCluster();
      ensureS3Proxy();
    }
  } catch (err) {
    process.stderr.write(`[setup] ${err.message}\n`);
    process.exit(1);
  }
}
