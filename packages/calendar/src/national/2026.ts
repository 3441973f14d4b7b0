// National holidays and make-up working days for 2026.
import type { HolidayYear } from '../holiday-year.js';

export const holidays2026: HolidayYear = {
  year: 2026,
  version: 1,
  source: {
    title: '国务院办公厅关于2026年部分节假日安排的通知',
    issuer: '国务院办公厅 (General Office of the State Council)',
    issuedOn: '2025-11-04',
    documentNumber: null,
    checkedAgainst: [
      'Notice text as released by Xinhua on 2025-11-04 (politics.gmw.cn/2025-11/04/content_38391083.htm) and by several regional media',
    ],
    confidence:
      'High: the Xinhua release and independent republications agree on every date below; the document number was not confirmed, so it is left out.',
  },
  holidays: [
    { name: '元旦', englishName: "New Year's Day", from: '2026-01-01', to: '2026-01-03' },
    { name: '春节', englishName: 'Spring Festival', from: '2026-02-15', to: '2026-02-23' },
    { name: '清明节', englishName: 'Qingming Festival', from: '2026-04-04', to: '2026-04-06' },
    { name: '劳动节', englishName: 'Labour Day', from: '2026-05-01', to: '2026-05-05' },
    { name: '端午节', englishName: 'Dragon Boat Festival', from: '2026-06-19', to: '2026-06-21' },
    { name: '中秋节', englishName: 'Mid-Autumn Festival', from: '2026-09-25', to: '2026-09-27' },
    { name: '国庆节', englishName: 'National Day', from: '2026-10-01', to: '2026-10-07' },
  ],
  makeUpWorkingDays: [
    { date: '2026-01-04', for: '元旦' },
    { date: '2026-02-14', for: '春节' },
    { date: '2026-02-28', for: '春节' },
    { date: '2026-05-09', for: '劳动节' },
    { date: '2026-09-20', for: '国庆节' },
    { date: '2026-10-10', for: '国庆节' },
  ],
};
