// What the liaison module needs from the composition root, passed as plain arguments.
import type { PersonalData } from '@liaison/personal-data';
import type { ReadStore } from '@liaison/readstore';
import type { DeputyDirectory } from '../rosters/deputy-directory.js';

export interface LiaisonDeps {
  readStore: ReadStore;
  /** Seals and opens personal data (deputies' contact details) with keys kept outside the log. */
  personalData: PersonalData;
  /** Resolves once read models have folded the log up to `position` (bounded by `timeoutMs`). */
  waitForPosition(position: number, timeoutMs: number): Promise<boolean>;
  readYourWritesTimeoutMs: number;
  /** The current time; injected so tests can fix it. */
  now(): Date;
  /** Where rosters look deputies up; defaults to the deputies slice (tests pass a fixed directory). */
  deputies?: DeputyDirectory;
  /** Told when a background process (reorganisation, roster calendar) fails a batch or has a command refused. */
  onProcessError?(error: unknown): void;
}
