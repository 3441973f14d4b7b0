// GraphQL query of case figures, read from the pre-aggregated documents (no query scans history).
import type { RequestContext } from '@liaison/graphql-kit';
import { GraphQLError } from 'graphql';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { CaseworkDeps } from '../shared/module-deps.js';
import { decodeId } from '../shared/mutation.js';
import { boardConditions, requireCaseReader } from '../shared/read-scope.js';
import { FigureScopeEnum } from '../shared/enums.type.js';
import { isDomainError } from '@liaison/decider';
import { CaseFigures } from './figures.type.js';
import {
  FIGURE_COUNTERS,
  figuresId,
  type FigureCounter,
  type FigureScopeKind,
  type FiguresDocument,
} from './projection.js';

const PERIOD = /^\d{4}(-\d{2})?$/;

@Resolver(() => CaseFigures)
export class FiguresResolver {
  constructor(private readonly deps: CaseworkDeps) {}

  @Query(() => CaseFigures, {
    description: 'Case figures of a station, a jurisdiction (with its subtree) or a unit.',
  })
  async caseFigures(
    @Arg('scope', () => FigureScopeEnum) scope: FigureScopeKind,
    @Arg('id', () => ID, { description: 'A Station or Jurisdiction id, or a unit id.' }) id: string,
    @Arg('period', () => String, { description: "'YYYY' or 'YYYY-MM'." }) period: string,
    @Ctx() context: RequestContext,
  ): Promise<CaseFigures> {
    const reader = requireCaseReader(context);
    if (!PERIOD.test(period))
      throw new GraphQLError(`expected a period 'YYYY' or 'YYYY-MM', received "${period}"`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    let scopeId = id;
    if (scope !== 'unit') {
      const decoded = decodeId(id, scope === 'station' ? 'Station' : 'Jurisdiction', 'id');
      if (isDomainError(decoded))
        throw new GraphQLError(decoded.message, { extensions: { code: 'BAD_USER_INPUT' } });
      scopeId = decoded;
      // Throws FORBIDDEN when the station or jurisdiction is outside the reader's subtree.
      await boardConditions(
        this.deps,
        reader,
        scope === 'station' ? { stationId: scopeId } : { jurisdictionId: scopeId },
      );
    }
    const key = figuresId(scope, scopeId, period);
    const [document] = await this.deps.readStore.load<FiguresDocument>('case_figures', [key]);
    const empty = Object.fromEntries(FIGURE_COUNTERS.map((name) => [name, 0])) as Record<
      FigureCounter,
      number
    >;
    return CaseFigures.from(document ?? { id: key, scope, scopeId, period, ...empty });
  }
}
