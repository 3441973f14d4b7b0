// Every source of performance records: activities and duty. Casework (voters received, opinions recorded,
// suggestions) plugs in here as a further RecordSource when its events exist on main; the figures it fills are
// already stored and served (zero until then).
// Adding a source changes what the records projection folds: bump its version so the runner rebuilds it.
import { activitySource } from './activity-source.js';
import { dutySource } from './duty-source.js';
import type { RecordSource } from './contribution.js';

export const RECORD_SOURCES: readonly RecordSource[] = [activitySource, dutySource];
