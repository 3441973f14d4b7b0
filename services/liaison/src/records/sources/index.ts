// Every source of performance records. Duty (check-ins, lateness, early departures, no-shows, leave) and casework
// (voters received, opinions recorded, suggestions) plug in here as further RecordSource values when their events
// exist on main; the figures they fill (dutyDays … suggestions) are already counted, stored and served.
// Adding a source changes what the records projection folds: bump its version so the runner rebuilds it.
import { activitySource } from './activity-source.js';
import type { RecordSource } from './contribution.js';

export const RECORD_SOURCES: readonly RecordSource[] = [activitySource];
