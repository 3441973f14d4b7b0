// The "nine haves" (九有) standard for a liaison station, shipped as checklist data offices can publish as is or adapt.
import type { ChecklistItem } from './events.js';

/**
 * The nine items as DOMAIN.md point 10 lists them (premises, sign, rules on the wall, staff, funds, plan,
 * activities, ledgers, results); provincial guidance such as the Henan liaison station profiles
 * (https://wsllz.henanrd.gov.cn/zgrd/contact-overview/2494: 人员配备, 设施建设, 制度建设, 主要活动, 作用发挥) assesses
 * the same ground. The weights are ours (premises and activities count most); every office can publish its
 * own variant with other items and weights.
 */
export const NINE_HAVES_ITEMS: readonly ChecklistItem[] = [
  {
    code: 'premises',
    title: '有场所 Premises',
    description: 'A fixed, accessible room for receiving voters, with reception, meeting and display areas.',
    maxScore: 15,
  },
  {
    code: 'sign',
    title: '有标牌 Sign',
    description:
      'The station sign hung outside in the standard form, and the station listed in the directory.',
    maxScore: 10,
  },
  {
    code: 'rules',
    title: '有制度 Rules on the wall',
    description: 'Reception, duty, handling and feedback rules posted on the wall.',
    maxScore: 10,
  },
  {
    code: 'staff',
    title: '有人员 Staff',
    description: 'A station head and a liaison officer appointed; deputies assigned to the station.',
    maxScore: 10,
  },
  {
    code: 'funds',
    title: '有经费 Funds',
    description: 'A budget for the station in the office’s accounts.',
    maxScore: 10,
  },
  {
    code: 'plan',
    title: '有计划 Plan',
    description: 'A yearly plan of reception days and activities, published.',
    maxScore: 10,
  },
  {
    code: 'activities',
    title: '有活动 Activities',
    description: 'Reception days and deputy activities held as planned.',
    maxScore: 15,
  },
  {
    code: 'ledgers',
    title: '有台账 Ledgers',
    description: 'Records of receptions, opinions, their handling and feedback kept complete.',
    maxScore: 10,
  },
  {
    code: 'results',
    title: '有成效 Results',
    description: 'Opinions resolved and voters satisfied, shown on the public board.',
    maxScore: 10,
  },
];
