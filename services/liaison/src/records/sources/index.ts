// Every source of performance records: activities, duty and casework (voters received, opinions recorded,
// suggestions).
// Adding a source changes what the records projection folds: bump its version so the runner rebuilds it.
import { activitySource } from './activity-source.js';
import { caseworkSource } from './casework-source.js';
import { dutySource } from './duty-source.js';
import type { RecordSource } from './contribution.js';

export const RECORD_SOURCES: readonly RecordSource[] = [activitySource, dutySource, caseworkSource];
