// Every year of national arrangements this package ships, one file per year.
import type { HolidayYear } from '../holiday-year.js';
import { holidays2024 } from './2024.js';
import { holidays2025 } from './2025.js';
import { holidays2026 } from './2026.js';

/** The national arrangements this package can vouch for, oldest first. */
export const NATIONAL_HOLIDAY_YEARS: readonly HolidayYear[] = [holidays2024, holidays2025, holidays2026];
