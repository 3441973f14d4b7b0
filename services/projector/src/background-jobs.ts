// The background jobs that run beside the projections (processes that follow the log and issue commands,
// schedulers): with leases, each runs in the one projector process that holds its lease.
import type { Logger } from '@liaison/observability';
import type { ReadStore } from '@liaison/readstore';
import { LeaseKeeper, type LeaseSettings } from './lease-keeper.js';

/** A job that can be started and stopped, and started again later (in this process or another). */
export interface BackgroundJob {
  /** Unique among the jobs; names the job's lease. */
  name: string;
  start(): void;
  /** Stops after the work in flight. */
  stop(): Promise<void>;
}

export interface BackgroundJobsOptions {
  /** Share the jobs among processes by lease; without it every job runs in this process. */
  lease?: LeaseSettings;
  logger?: Logger;
}

/** The lease of a background job (projections' leases are `projection:<name>`). */
const leaseName = (job: string) => `job:${job}`;

/**
 * Runs background jobs: each one in this process, or, with leases, each one in whichever process holds its
 * lease, taken over by another when that process stops or its lease expires. The jobs' commands are
 * idempotent, so a job that runs twice for a moment (a lease lost while a command is in flight) does no harm;
 * the lease keeps it from running in every process all the time.
 */
export class BackgroundJobs {
  private readonly keeper: LeaseKeeper | null = null;

  constructor(
    reads: ReadStore,
    private readonly jobs: readonly BackgroundJob[],
    options: BackgroundJobsOptions = {},
  ) {
    const byLease = new Map(jobs.map((job) => [leaseName(job.name), job]));
    if (byLease.size !== jobs.length) {
      throw new Error(
        `expected background jobs with distinct names, received ${jobs.map((j) => j.name).join(', ')}`,
      );
    }
    if (options.lease) {
      this.keeper = new LeaseKeeper(reads, [...byLease.keys()], options.lease, {
        gained: (lease, fence) => {
          byLease.get(lease)!.start();
          options.logger?.info({ job: byLease.get(lease)!.name, token: fence.token }, 'job lease taken');
          return Promise.resolve();
        },
        lost: async (lease) => {
          await byLease.get(lease)!.stop();
          options.logger?.info({ job: byLease.get(lease)!.name }, 'job lease given up');
        },
        onError: (error, lease) => options.logger?.error({ err: error, lease }, 'job lease'),
      });
    }
  }

  /** Starts every job (with leases: those whose lease this process gets now, the others as they come free). */
  async start(): Promise<void> {
    if (!this.keeper) {
      for (const job of this.jobs) job.start();
      return;
    }
    await this.keeper.round();
    this.keeper.start();
  }

  /** Stops every job running here and releases its lease, so another process takes it over at once. */
  async stop(): Promise<void> {
    if (this.keeper) await this.keeper.stop();
    else for (const job of this.jobs) await job.stop();
  }
}
