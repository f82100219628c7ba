/** The read model's SQL: every statement the API, the activities and the benchmarks run. */
export * from './db';
export * from './access';
export * from './calendar-years';
export * from './open-items';
export * from './projection';
export * from './projection-transaction';
export * from './projects';
export * from './project-lists';
export * from './timeline';
export * from './submissions';
export * from './statistics';
export * from './notices';
export * from './accounts';
export * from './documents';
export * from './ratings';
export * from './deadline-sweep';
export * from './item-row';
