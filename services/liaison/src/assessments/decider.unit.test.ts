import { deciderSpec } from '@liaison/decider';
import { metadataFor } from '../shared/command-metadata.js';
import type { AssessmentCommand, OpenAssessment } from './commands.js';
import { assessmentDecider } from './decider.js';
import type { AssessmentEvent } from './events.js';

const spec = deciderSpec(assessmentDecider);
const metadata = metadataFor();
const station = { stationId: 's1', jurisdictionId: 't1', jurisdictionPath: '/p1/c1/t1/', open: true };
const items = [
  { code: 'premises', maxScore: 60 },
  { code: 'ledgers', maxScore: 40 },
];
const checklist = { checklistId: 'k1', version: 2, items, retired: false, jurisdictionPath: '/p1/c1/' };
const subject = {
  assessmentId: 'as1',
  stationId: 's1',
  jurisdictionId: 't1',
  jurisdictionPath: '/p1/c1/t1/',
  checklistId: 'k1',
  period: '2026',
};

function openAssessment(overrides: Partial<OpenAssessment['data']> = {}): OpenAssessment {
  return {
    type: 'OpenAssessment',
    data: { assessmentId: 'as1', period: '2026', station, checklist, ...overrides },
    metadata,
  };
}
function score(
  itemCode: string,
  value: number,
  extra: Partial<{ note: string; evidence: [] }> = {},
): AssessmentCommand {
  return {
    type: 'ScoreAssessmentItem',
    data: { assessmentId: 'as1', itemCode, score: value, note: '', evidence: [], ...extra },
    metadata,
  };
}
const complete = (
  scale: { jurisdictionId: string; thresholds: { stars: number; minPercentage: number }[] } | null = null,
) => ({ type: 'CompleteAssessment', data: { assessmentId: 'as1', scale }, metadata }) as const;

const opened: AssessmentEvent = {
  type: 'AssessmentOpened',
  data: { ...subject, checklistVersion: 2, items },
};
const scored = (itemCode: string, value: number): AssessmentEvent => ({
  type: 'AssessmentItemScored',
  data: { assessmentId: 'as1', itemCode, score: value, note: '', evidence: [] },
});
const completedAt = (percentage: number, stars: number, totalScore: number): AssessmentEvent => ({
  type: 'AssessmentCompleted',
  data: {
    ...subject,
    checklistVersion: 2,
    totalScore,
    maxScore: 100,
    percentage,
    stars,
    thresholds: [
      { stars: 5, minPercentage: 90 },
      { stars: 4, minPercentage: 80 },
      { stars: 3, minPercentage: 70 },
      { stars: 2, minPercentage: 60 },
      { stars: 1, minPercentage: 50 },
    ],
    scaleJurisdictionId: null,
  },
});

describe('assessment decider: open', () => {
  it('opens against the checklist version, keeping its items and weights', () => {
    spec.given([]).when(openAssessment()).then([opened]);
  });

  it('refuses a second opening, a bad period, a missing or closed station, a missing, retired or foreign checklist', () => {
    spec.given([opened]).when(openAssessment()).thenFails('ASSESSMENT_ALREADY_OPENED');
    spec
      .given([])
      .when(openAssessment({ period: '2026-13' }))
      .thenFails('INVALID_PERIOD');
    spec
      .given([])
      .when(openAssessment({ station: null }))
      .thenFails('STATION_NOT_FOUND');
    spec
      .given([])
      .when(openAssessment({ station: { ...station, open: false } }))
      .thenFails('STATION_CLOSED');
    spec
      .given([])
      .when(openAssessment({ checklist: null }))
      .thenFails('CHECKLIST_NOT_FOUND');
    spec
      .given([])
      .when(openAssessment({ checklist: { ...checklist, retired: true } }))
      .thenFails('CHECKLIST_RETIRED');
    spec
      .given([])
      .when(openAssessment({ checklist: { ...checklist, jurisdictionPath: '/p1/c2/' } }))
      .thenFails('CHECKLIST_NOT_APPLICABLE');
  });
});

describe('assessment decider: score', () => {
  it('scores items in half points with evidence; re-scoring replaces', () => {
    const evidence = [
      {
        attachmentId: 'f1',
        name: 'ledger.pdf',
        mediaType: 'application/pdf',
        size: 1,
        sha256: 'c'.repeat(64),
      },
    ];
    spec
      .given([opened])
      .when({
        ...score('premises', 55.5),
        data: { ...score('premises', 55.5).data, note: ' good ', evidence },
      } as AssessmentCommand)
      .then([
        {
          type: 'AssessmentItemScored',
          data: { assessmentId: 'as1', itemCode: 'premises', score: 55.5, note: 'good', evidence },
        },
      ]);
    spec
      .given([opened, scored('premises', 50)])
      .when(score('premises', 52))
      .then([scored('premises', 52)]);
    spec
      .given([opened, scored('premises', 50)])
      .when(score('premises', 50))
      .then([]);
  });

  it('refuses unknown items, out-of-range or fractional scores, a missing or completed assessment', () => {
    spec.given([opened]).when(score('funds', 5)).thenFails('ITEM_NOT_FOUND');
    spec.given([opened]).when(score('premises', 61)).thenFails('INVALID_SCORE');
    spec.given([opened]).when(score('premises', -1)).thenFails('INVALID_SCORE');
    spec.given([opened]).when(score('premises', 1.25)).thenFails('INVALID_SCORE');
    spec.given([]).when(score('premises', 1)).thenFails('ASSESSMENT_NOT_FOUND');
    spec
      .given([opened, scored('premises', 60), scored('ledgers', 40), completedAt(100, 5, 100)])
      .when(score('premises', 1))
      .thenFails('ASSESSMENT_COMPLETED');
  });
});

describe('assessment decider: evidence and notes', () => {
  const file = (attachmentId: string, sha256 = 'c'.repeat(64)) => ({
    attachmentId,
    name: `${attachmentId}.pdf`,
    mediaType: 'application/pdf',
    size: 1,
    sha256,
  });
  const withEvidence = (evidence: ReturnType<typeof file>[], note = ''): AssessmentCommand => ({
    type: 'ScoreAssessmentItem',
    data: { assessmentId: 'as1', itemCode: 'ledgers', score: 30, note, evidence },
    metadata,
  });

  it('refuses evidence that is malformed, too much, repeated or already on the assessment, and an overlong note', () => {
    spec
      .given([opened])
      .when(withEvidence([file('f1', 'nope')]))
      .thenFails('INVALID_ATTACHMENT');
    spec
      .given([opened])
      .when(withEvidence(Array.from({ length: 51 }, (_, i) => file(`f${i}`))))
      .thenFails('TOO_MANY_ATTACHMENTS');
    spec
      .given([opened])
      .when(withEvidence([file('f1'), file('f1')]))
      .thenFails('DUPLICATE_ATTACHMENT');
    spec
      .given([
        opened,
        {
          type: 'AssessmentItemScored',
          data: { assessmentId: 'as1', itemCode: 'premises', score: 50, note: '', evidence: [file('f1')] },
        },
      ])
      .when(withEvidence([file('f1')]))
      .thenFails('DUPLICATE_ATTACHMENT');
    spec
      .given([opened])
      .when(withEvidence([], 'x'.repeat(2001)))
      .thenFails('INVALID_NOTE');
    spec
      .given([opened])
      .when(withEvidence([], 'x'.repeat(2000)))
      .then([
        {
          type: 'AssessmentItemScored',
          data: { assessmentId: 'as1', itemCode: 'ledgers', score: 30, note: 'x'.repeat(2000), evidence: [] },
        },
      ]);
  });
});

describe('assessment decider: complete and reopen', () => {
  it('completes with total, percentage and stars by the default scale', () => {
    spec
      .given([opened, scored('premises', 50), scored('ledgers', 35.5)])
      .when(complete())
      .then([completedAt(85.5, 4, 85.5)]);
  });

  it("derives stars by the jurisdiction's own scale and records which one", () => {
    const thresholds = [
      { stars: 3, minPercentage: 85 },
      { stars: 2, minPercentage: 70 },
    ];
    spec
      .given([opened, scored('premises', 50), scored('ledgers', 35.5)])
      .when(complete({ jurisdictionId: 'c1', thresholds }))
      .then([
        {
          type: 'AssessmentCompleted',
          data: {
            ...(completedAt(85.5, 3, 85.5).data as object),
            stars: 3,
            thresholds,
            scaleJurisdictionId: 'c1',
          },
        } as AssessmentEvent,
      ]);
  });

  it('refuses completing with items unscored, twice, or a missing assessment', () => {
    spec
      .given([opened, scored('premises', 50)])
      .when(complete())
      .thenFails('ITEMS_NOT_SCORED');
    const done = [opened, scored('premises', 60), scored('ledgers', 40), completedAt(100, 5, 100)];
    spec.given(done).when(complete()).thenFails('ASSESSMENT_COMPLETED');
    spec.given([]).when(complete()).thenFails('ASSESSMENT_NOT_FOUND');
  });

  it('reopens a completed assessment with a reason, for a correction', () => {
    const done = [opened, scored('premises', 60), scored('ledgers', 40), completedAt(100, 5, 100)];
    const reopen = (reason: string) => ({
      type: 'ReopenAssessment' as const,
      data: { assessmentId: 'as1', reason },
      metadata,
    });
    spec
      .given(done)
      .when(reopen(' ledger miscounted '))
      .then([{ type: 'AssessmentReopened', data: { ...subject, reason: 'ledger miscounted' } }]);
    spec.given(done).when(reopen(' ')).thenFails('REASON_REQUIRED');
    spec.given([opened]).when(reopen('x')).thenFails('ASSESSMENT_NOT_COMPLETED');
    spec.given([]).when(reopen('x')).thenFails('ASSESSMENT_NOT_FOUND');
    spec
      .given([...done, { type: 'AssessmentReopened', data: { ...subject, reason: 'x' } }])
      .when(score('ledgers', 30))
      .then([scored('ledgers', 30)]);
  });
});
