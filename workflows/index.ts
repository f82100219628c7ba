// The worker's workflowsPath: every workflow type the worker runs is exported here.
export * from './project.workflow';
export * from './mail-delivery.workflow';
export * from './rectification.workflow';
