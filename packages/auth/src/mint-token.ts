// Development CLI: prints a signed token for a user, e.g. `node packages/auth/dist/mint-token.js --user u1 --roles station-staff,deputy --jurisdiction j1`.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadJwtConfig } from './auth-config.js';
import { mintToken } from './mint.js';
import { ROLES, isRole, type Role } from './roles.js';

const USAGE = `usage: mint-token --user <id> --roles <role,role> [--jurisdiction <id>] [--expires 8h]
roles: ${ROLES.join(', ')}
reads AUTH_JWT_SECRET, AUTH_ISSUER and AUTH_AUDIENCE from the environment`;

/** Parses the command line into what mintToken needs; throws with the usage on anything missing or unknown. */
export function parseMintArguments(args: readonly string[]): {
  userId: string;
  roles: Role[];
  jurisdictionId: string | null;
  expiresIn: string;
} {
  const { values } = parseArgs({
    args: [...args],
    options: {
      user: { type: 'string' },
      roles: { type: 'string' },
      jurisdiction: { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
    strict: true,
  });
  if (!values.user) throw new Error(`--user is required\n${USAGE}`);
  const names = (values.roles ?? '')
    .split(',')
    .map((role) => role.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !isRole(name));
  if (unknown.length > 0)
    throw new Error(`unknown role(s): ${unknown.join(', ')}; expected any of ${ROLES.join(', ')}`);
  if (names.length === 0) throw new Error(`--roles is required\n${USAGE}`);
  return {
    userId: values.user,
    roles: names.filter(isRole),
    jurisdictionId: values.jurisdiction ?? null,
    expiresIn: values.expires,
  };
}

async function main(): Promise<void> {
  const { userId, roles, jurisdictionId, expiresIn } = parseMintArguments(process.argv.slice(2));
  const token = await mintToken(loadJwtConfig(process.env), { userId, roles, jurisdictionId }, { expiresIn });
  process.stdout.write(`${token}\n`);
}

// Runs only as a program, so tests can import parseMintArguments.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
