// National holidays and make-up working days for 2024.
import type { HolidayYear } from '../holiday-year.js';

export const holidays2024: HolidayYear = {
  year: 2024,
  version: 1,
  source: {
    title: '国务院办公厅关于2024年部分节假日安排的通知',
    issuer: '国务院办公厅 (General Office of the State Council)',
    issuedOn: '2023-10-25',
    documentNumber: null,
    checkedAgainst: [
      'Notice text as republished by China News Service and regional government sites on 2023-10-25 (www.gov.cn original)',
    ],
    confidence:
      'High: several independent republications of the notice agree on every date below. The notice only encourages (does not mandate) rest on New Year’s Eve, 2024-02-09, so that day is a working day here.',
  },
  holidays: [
    { name: '元旦', englishName: "New Year's Day", from: '2024-01-01', to: '2024-01-01' },
    { name: '春节', englishName: 'Spring Festival', from: '2024-02-10', to: '2024-02-17' },
    { name: '清明节', englishName: 'Qingming Festival', from: '2024-04-04', to: '2024-04-06' },
    { name: '劳动节', englishName: 'Labour Day', from: '2024-05-01', to: '2024-05-05' },
    { name: '端午节', englishName: 'Dragon Boat Festival', from: '2024-06-10', to: '2024-06-10' },
    { name: '中秋节', englishName: 'Mid-Autumn Festival', from: '2024-09-15', to: '2024-09-17' },
    { name: '国庆节', englishName: 'National Day', from: '2024-10-01', to: '2024-10-07' },
  ],
  makeUpWorkingDays: [
    { date: '2024-02-04', for: '春节' },
    { date: '2024-02-18', for: '春节' },
    { date: '2024-04-07', for: '清明节' },
    { date: '2024-04-28', for: '劳动节' },
    { date: '2024-05-11', for: '劳动节' },
    { date: '2024-09-14', for: '中秋节' },
    { date: '2024-09-29', for: '国庆节' },
    { date: '2024-10-12', for: '国庆节' },
  ],
};
