// Shared steps of the relay's end-to-end tests: a platform on fresh stores, a jurisdiction tree, partners.
import { loadJwtConfig, mintToken } from '@liaison/auth';
import type { Platform } from '@liaison/standalone';
import type { SqlClient } from '@liaison/sql';
import type { StoreTarget } from '@liaison/testing';
import { graphql } from './graphql-client.js';
import { startTestPlatform } from './test-platform.js';

export interface RelayWorld {
  sql: SqlClient;
  platform: Platform;
  url: string;
  admin: string;
  close(): Promise<void>;
}

/** Starts the platform on fresh stores of `target` with an admin token. */
export async function startRelayWorld(
  target: StoreTarget,
  env: Record<string, string> = {},
): Promise<RelayWorld> {
  const world = await startTestPlatform(target, env);
  const admin = await mintToken(
    loadJwtConfig({}),
    { userId: 'admin-1', roles: ['admin'], jurisdictionId: null },
    {
      expiresIn: '10m',
    },
  );
  return { ...world, admin };
}

/** Runs an operation that must succeed and returns its data. */
export async function ok<D = any>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
) {
  const response = await graphql<D>(url, query, variables, token);
  if (response.errors) throw new Error(`expected no errors; received ${JSON.stringify(response.errors)}`);
  return response.data!;
}

/** Registers a jurisdiction and returns its global id. */
export async function jurisdiction(
  world: RelayWorld,
  name: string,
  level: string,
  parentId?: string,
): Promise<string> {
  const data = await ok(
    world.url,
    `mutation($input: RegisterJurisdictionInput!) { registerJurisdiction(input: $input) { jurisdiction { id } userErrors { code } } }`,
    { input: { name, level, ...(parentId ? { parentId } : {}) } },
    world.admin,
  );
  return data.registerJurisdiction.jurisdiction.id as string;
}

/** Registers a centre station and returns its global id. */
export async function station(world: RelayWorld, name: string, jurisdictionId: string): Promise<string> {
  const data = await ok(
    world.url,
    `mutation($input: RegisterStationInput!) { registerStation(input: $input) { station { id } userErrors { code } } }`,
    { input: { name, jurisdictionId, kind: 'CENTRE' } },
    world.admin,
  );
  return data.registerStation.station.id as string;
}

/** Renames a station. */
export async function renameStation(world: RelayWorld, stationId: string, name: string): Promise<void> {
  await ok(
    world.url,
    `mutation($input: RenameStationInput!) { renameStation(input: $input) { userErrors { code } } }`,
    { input: { stationId, name } },
    world.admin,
  );
}

export const REGISTER_PARTNER = `
  mutation($input: RegisterPartnerInput!) {
    registerPartner(input: $input) {
      partner { id name eventTypes jurisdictionIds webhookUrl webhookEnabled personalData }
      apiKey webhookSecret position
      userErrors { code message field }
    }
  }`;

/** Registers a partner and returns its id and credentials. */
export async function registerPartner(world: RelayWorld, input: Record<string, unknown>) {
  const data = await ok(world.url, REGISTER_PARTNER, { input }, world.admin);
  const payload = data.registerPartner;
  if (payload.userErrors.length > 0) throw new Error(JSON.stringify(payload.userErrors));
  return {
    id: payload.partner.id as string,
    apiKey: payload.apiKey as string,
    webhookSecret: payload.webhookSecret as string,
  };
}

export const PARTNER_EVENTS = `
  query($first: Int, $after: String) {
    partnerEvents(first: $first, after: $after) {
      edges { cursor node { eventId position type streamId streamPosition data cloudEvent } }
      pageInfo { endCursor hasNextPage }
    }
  }`;

/** Pulls every event after `after` page by page, as the partner holding `apiKey`. */
export async function pullAll(url: string, apiKey: string, after: string | null = null, first = 3) {
  const events: any[] = [];
  let cursor = after;
  for (;;) {
    const data = await ok(url, PARTNER_EVENTS, { first, after: cursor }, apiKey);
    events.push(...data.partnerEvents.edges.map((edge: any) => edge.node));
    cursor = data.partnerEvents.pageInfo.endCursor;
    if (!data.partnerEvents.pageInfo.hasNextPage) return { events, cursor };
  }
}
