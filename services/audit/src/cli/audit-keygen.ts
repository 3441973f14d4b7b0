// Command line: makes a new checkpoint signing key and prints it with its public half.
import { generateSigningKey } from '@liaison/audit';

const { seed, signer } = generateSigningKey();
process.stdout.write(
  `AUDIT_SIGNING_KEY=${seed}\n# public key (publish it; auditors verify with it): ${signer.publicKeyBase64}\n# key id: ${signer.keyId}\n`,
);
