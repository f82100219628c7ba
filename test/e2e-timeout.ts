// e2e tests wait on real servers (workflow bundling, PostgreSQL, Temporal) on a 2-core machine.
jest.setTimeout(120_000);
