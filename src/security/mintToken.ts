// CLI: mints a gateway token. `npm run token -- <name> <account> <scope…>` (the compiled file, so a production install
// without dev packages can mint) prints the token once and its file entry.
import { pathToFileURL } from 'node:url';
import { isScope, SCOPES, type Scope } from './principal.ts';
import { generateToken, sha256Hex, type TokenEntry } from './tokens.ts';

export interface MintedToken {
  /** Give this to the client once; the gateway never stores it. */
  readonly token: string;
  /** Append this to the GATEWAY_TOKENS_FILE array. */
  readonly entry: TokenEntry;
}

export function mintToken(name: string, account: string, scopes: readonly string[]): MintedToken {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(name))
    throw new Error(`token name must be 1-64 letters, digits, "_", "-" or ".", got "${name}"`);
  if (account.trim() === '') throw new Error('account name is required');
  const bad = scopes.filter((scope) => !isScope(scope));
  if (scopes.length === 0 || bad.length > 0) {
    throw new Error(
      `scopes must be one or more of ${SCOPES.join(', ')}${bad.length > 0 ? `; unknown: ${bad.join(', ')}` : ''}`,
    );
  }
  const token = generateToken();
  return { token, entry: { name, sha256: sha256Hex(token), account, scopes: [...new Set(scopes as Scope[])] } };
}

function main(argv: readonly string[]): number {
  const [name, account, ...scopes] = argv;
  if (name === undefined || account === undefined) {
    process.stderr.write(`usage: npm run token -- <name> <account> <${SCOPES.join('|')}>…\n`);
    return 2;
  }
  try {
    const { token, entry } = mintToken(name, account, scopes);
    process.stdout.write(
      [
        `Token for "${name}" (shown once; the gateway stores only its hash):`,
        `  ${token}`,
        'Add this entry to the JSON array in GATEWAY_TOKENS_FILE:',
        `  ${JSON.stringify(entry)}`,
        'Clients send it as `Authorization: Bearer <token>` (HTTP) or connectionParams { "authorization": "Bearer <token>" } (graphql-ws).',
        '',
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main(process.argv.slice(2));
