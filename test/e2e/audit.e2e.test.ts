// Auditors end to end through HTTP: raw history, "as of", verification, proofs and paged exports, by role and scope.
import {
  fromHex,
  parsePublicKey,
  verifyCheckpointSignature,
  verifyConsistency,
  verifyInclusion,
} from '@liaison/audit';
import { verifyExport } from '@liaison/audit-service';
import { loadJwtConfig, mintToken, type Principal } from '@liaison/auth';
import { fromGlobalId } from '@liaison/graphql-kit';
import type { Platform } from '@liaison/standalone';
import { closeStoreTargets, testStoreTargets, type StoreTarget } from '@liaison/testing';
import { graphql } from './graphql-client.js';
import { startTestPlatform, type TestPlatform } from './test-platform.js';

const REGISTER_JURISDICTION = `
  mutation($input: RegisterJurisdictionInput!) {
    registerJurisdiction(input: $input) { jurisdiction { id } userErrors { code } position }
  }`;
const EVENT_FIELDS =
  'id type streamId streamPosition globalPosition recordedAt data metadata { actorId jurisdictionId } hash';

afterAll(() => closeStoreTargets());

describe.each(testStoreTargets())('auditors through HTTP on $name', (target: StoreTarget) => {
  let world: TestPlatform;
  let platform: Platform;
  let url: string;
  const jwt = loadJwtConfig({});
  const token = (principal: Principal) => mintToken(jwt, principal, { expiresIn: '10m' });
  let admin: string;
  let auditor: string;
  let cityId: string;
  let cityStream: string;
  let beforeRename: string;
  const saved = process.env.AUDIT_SEAL_EVERY_EVENTS;

  beforeAll(async () => {
    process.env.AUDIT_SEAL_EVERY_EVENTS = '2';
    world = await startTestPlatform(target);
    platform = world.platform;
    url = platform.url!;
    admin = await token({ userId: 'admin-1', roles: ['admin'], jurisdictionId: null });
    auditor = await token({ userId: 'auditor-1', roles: ['auditor'], jurisdictionId: null });
    const register = async (input: Record<string, unknown>, bearer = admin) => {
      const response = await graphql(url, REGISTER_JURISDICTION, { input }, bearer);
      expect(response.errors).toBeUndefined();
      return response.data!.registerJurisdiction.jurisdiction.id as string;
    };
    const province = await register({ name: 'Guangdong', level: 'PROVINCE' });
    cityId = await register({ name: 'Shenzhen', level: 'CITY', parentId: province });
    cityStream = `jurisdiction-${fromGlobalId(cityId)!.id}`;
    await new Promise((resolve) => setTimeout(resolve, 20));
    beforeRename = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const staff = await token({
      userId: 'staff-1',
      roles: ['congress-office'],
      jurisdictionId: fromGlobalId(cityId)!.id,
    });
    await register({ name: 'Nanshan', level: 'COUNTY', parentId: cityId }, staff);
    const renamed = await graphql(
      url,
      `
        mutation ($input: RenameJurisdictionInput!) {
          renameJurisdiction(input: $input) {
            userErrors {
              code
            }
          }
        }
      `,
      { input: { jurisdictionId: cityId, name: 'Shenzhen City' } },
      admin,
    );
    expect(renamed.errors).toBeUndefined();
    // The sealer seals every 2 events; wait until the four domain events are sealed.
    const deadline = Date.now() + 60_000; // generous: the machine running CI may be busy
    for (;;) {
      const response = await graphql(url, '{ auditCheckpoints { treeSize } }', {}, auditor);
      const sizes = (response.data?.auditCheckpoints ?? []) as Array<{ treeSize: number }>;
      if (sizes.some((c) => c.treeSize >= 4)) break;
      if (Date.now() > deadline)
        throw new Error(`expected a checkpoint of 4+ events, found ${JSON.stringify(sizes)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 120_000);

  afterAll(async () => {
    await world.close();
    if (saved === undefined) delete process.env.AUDIT_SEAL_EVERY_EVENTS;
    else process.env.AUDIT_SEAL_EVERY_EVENTS = saved;
  });

  it("reads a stream's stored events and the filtered global log in pages", async () => {
    const stream = await graphql(
      url,
      `query($s: String!) { auditStream(streamId: $s) { nodes { ${EVENT_FIELDS} } pageInfo { hasNextPage } } }`,
      { s: cityStream },
      auditor,
    );
    expect(stream.errors).toBeUndefined();
    expect(stream.data!.auditStream.nodes.map((e: { type: string }) => e.type)).toEqual([
      'JurisdictionRegistered',
      'JurisdictionRenamed',
    ]);
    const log = await graphql(
      url,
      `
        query ($f: AuditLogFilter, $after: String) {
          auditLog(filter: $f, first: 1, after: $after) {
            nodes {
              type
              globalPosition
            }
            pageInfo {
              hasNextPage
              endCursor
            }
          }
        }
      `,
      { f: { categories: ['jurisdiction'], actorId: 'admin-1' } },
      auditor,
    );
    expect(log.data!.auditLog.nodes).toEqual([{ type: 'JurisdictionRegistered', globalPosition: 1 }]);
    // The sealer's checkpoints interleave with these events, so only their order is fixed.
    expect(log.data!.auditLog.pageInfo.hasNextPage).toBe(true);
    const next = await graphql(
      url,
      `
        query ($f: AuditLogFilter, $after: String) {
          auditLog(filter: $f, first: 5, after: $after) {
            nodes {
              type
              globalPosition
            }
            pageInfo {
              hasNextPage
            }
          }
        }
      `,
      {
        f: { categories: ['jurisdiction'], actorId: 'admin-1' },
        after: log.data!.auditLog.pageInfo.endCursor,
      },
      auditor,
    );
    const nodes = next.data!.auditLog.nodes as Array<{ type: string; globalPosition: number }>;
    expect(nodes.map((n) => n.type)).toEqual(['JurisdictionRegistered', 'JurisdictionRenamed']);
    expect(nodes[0]!.globalPosition).toBeGreaterThan(1);
    expect(nodes[1]!.globalPosition).toBeGreaterThan(nodes[0]!.globalPosition);
    expect(next.data!.auditLog.pageInfo.hasNextPage).toBe(false);
  });

  it('rebuilds an aggregate as it stood at a moment', async () => {
    const query = `query($s: String!, $at: DateTime!) { auditAggregate(streamId: $s, asOf: $at) { state version } }`;
    const before = await graphql(url, query, { s: cityStream, at: beforeRename }, auditor);
    expect(before.data!.auditAggregate).toMatchObject({
      version: 1,
      state: { status: 'registered', name: 'Shenzhen' },
    });
    const now = await graphql(url, query, { s: cityStream, at: new Date().toISOString() }, auditor);
    expect(now.data!.auditAggregate).toMatchObject({ version: 2, state: { name: 'Shenzhen City' } });
    const unknown = await graphql(url, query, { s: 'parcel-1', at: beforeRename }, auditor);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('verifies the log and gives proofs that check out against the signed checkpoints', async () => {
    const verification = await graphql(
      url,
      '{ auditVerify { ok eventsVerified checkpointsVerified firstProblem { kind } } }',
      {},
      auditor,
    );
    expect(verification.data!.auditVerify).toMatchObject({ ok: true, firstProblem: null });
    expect(verification.data!.auditVerify.checkpointsVerified).toBeGreaterThanOrEqual(2);

    const keys = await graphql(url, '{ auditPublicKeys { keyId publicKey } }', {}, auditor);
    const publicKey = parsePublicKey(keys.data!.auditPublicKeys[0].publicKey as string);
    const checkpointFields = 'treeSize rootHash time keyId signature';
    const inclusion = await graphql(
      url,
      `{ auditInclusionProof(globalPosition: 3) { leafIndex treeSize leafHash auditPath checkpoint { ${checkpointFields} } } }`,
      {},
      auditor,
    );
    expect(inclusion.errors).toBeUndefined();
    const proof = inclusion.data!.auditInclusionProof;
    const checkpoint = {
      ...proof.checkpoint,
      time: new Date(proof.checkpoint.time as string).toISOString(),
      frontier: [],
    };
    expect(verifyCheckpointSignature(checkpoint, publicKey)).toBe(true);
    expect(
      verifyInclusion(
        proof.leafIndex,
        proof.treeSize,
        fromHex(proof.leafHash),
        (proof.auditPath as string[]).map(fromHex),
        fromHex(proof.checkpoint.rootHash),
      ),
    ).toBe(true);

    const checkpoints = await graphql(url, '{ auditCheckpoints { treeSize } }', {}, auditor);
    const first = (checkpoints.data!.auditCheckpoints as Array<{ treeSize: number }>)[0]!.treeSize;
    const consistency = await graphql(
      url,
      `
        query ($from: SafeInt!) {
          auditConsistencyProof(fromTreeSize: $from) {
            from {
              treeSize
              rootHash
            }
            to {
              treeSize
              rootHash
            }
            proof
          }
        }
      `,
      { from: first },
      auditor,
    );
    expect(consistency.errors).toBeUndefined();
    const { from, to, proof: path } = consistency.data!.auditConsistencyProof;
    expect(
      verifyConsistency(
        from.treeSize,
        to.treeSize,
        fromHex(from.rootHash),
        fromHex(to.rootHash),
        path.map(fromHex),
      ),
    ).toBe(true);
  });

  it('exports history in pages that join into a file the offline verifier accepts', async () => {
    for (const filter of [null, { streamId: cityStream }]) {
      let text = '';
      let after: string | null = null;
      for (let page = 0; page < 20; page++) {
        const response: { data?: Record<string, any>; errors?: unknown } = await graphql(
          url,
          `
            query ($f: AuditLogFilter, $after: String) {
              auditExport(filter: $f, first: 2, after: $after) {
                text
                events
                endCursor
                hasNextPage
              }
            }
          `,
          { f: filter, after },
          auditor,
        );
        expect(response.errors).toBeUndefined();
        text += response.data!.auditExport.text as string;
        after = response.data!.auditExport.endCursor as string | null;
        if (!response.data!.auditExport.hasNextPage) break;
      }
      const report = await verifyExport(text.split('\n'));
      expect(report.ok).toBe(true);
      expect(report.wholeLog).toBe(filter === null);
      if (filter) expect(report.eventsVerified).toBe(2);
    }
  });

  it('keeps raw history from other roles and a scoped auditor within its jurisdiction', async () => {
    const staff = await token({ userId: 'staff-2', roles: ['station-staff'], jurisdictionId: null });
    const refused = await graphql(url, '{ auditLog { nodes { id } } }', {}, staff);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await graphql(url, '{ auditVerify { ok } }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const scoped = await token({
      userId: 'auditor-2',
      roles: ['auditor'],
      jurisdictionId: fromGlobalId(cityId)!.id,
    });
    const log = await graphql(
      url,
      '{ auditLog(first: 50) { nodes { type metadata { actorId } } } }',
      {},
      scoped,
    );
    expect(log.data!.auditLog.nodes).toEqual([
      { type: 'JurisdictionRegistered', metadata: { actorId: 'staff-1' } },
    ]);
  });
});
