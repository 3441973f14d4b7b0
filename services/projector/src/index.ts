export { type Projection, physicalName, versionOf } from './projection.js';
export { foldBatch, touchedIds } from './fold-batch.js';
export { ProjectionRunner, type RunnerOptions } from './projection-runner.js';
export { Projector, type ProjectorOptions, type ProjectionStatus } from './projector.js';
export { waitForCheckpoints } from './checkpoint-watermark.js';
export { BackgroundJobs, type BackgroundJob, type BackgroundJobsOptions } from './background-jobs.js';
