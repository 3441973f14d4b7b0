// National holidays and make-up working days for 2025: the first year with the extra Spring Festival and Labour Day days.
import type { HolidayYear } from '../holiday-year.js';

export const holidays2025: HolidayYear = {
  year: 2025,
  version: 1,
  source: {
    title: '国务院办公厅关于2025年部分节假日安排的通知',
    issuer: '国务院办公厅 (General Office of the State Council)',
    issuedOn: '2024-11-12',
    documentNumber: '国办发明电〔2024〕12号',
    checkedAgainst: [
      'Notice text as released by Xinhua on 2024-11-12 and republished by several sites (www.gov.cn original)',
    ],
    confidence:
      'High: several independent republications, including the document number, agree on every date below. Under the Regulations on National Annual Festivals and Memorial Days revised in November 2024, Spring Festival and Labour Day each gained one statutory day from 2025.',
  },
  holidays: [
    { name: '元旦', englishName: "New Year's Day", from: '2025-01-01', to: '2025-01-01' },
    { name: '春节', englishName: 'Spring Festival', from: '2025-01-28', to: '2025-02-04' },
    { name: '清明节', englishName: 'Qingming Festival', from: '2025-04-04', to: '2025-04-06' },
    { name: '劳动节', englishName: 'Labour Day', from: '2025-05-01', to: '2025-05-05' },
    { name: '端午节', englishName: 'Dragon Boat Festival', from: '2025-05-31', to: '2025-06-02' },
    {
      name: '国庆节、中秋节',
      englishName: 'National Day and Mid-Autumn Festival',
      from: '2025-10-01',
      to: '2025-10-08',
    },
  ],
  makeUpWorkingDays: [
    { date: '2025-01-26', for: '春节' },
    { date: '2025-02-08', for: '春节' },
    { date: '2025-04-27', for: '劳动节' },
    { date: '2025-09-28', for: '国庆节、中秋节' },
    { date: '2025-10-11', for: '国庆节、中秋节' },
  ],
};
