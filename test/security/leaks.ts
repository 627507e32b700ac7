// Finding secrets in captured log lines, in every encoding a leak could take.

/** Every encoding a leaked secret could take in a log line: raw, base64, base64url, hex (both cases). */
export function encodingsOf(secret: string | Buffer): string[] {
  const forms = new Set<string>();
  const add = (bytes: Buffer): void => {
    forms.add(bytes.toString('base64').replace(/=+$/, ''));
    forms.add(bytes.toString('base64url'));
    forms.add(bytes.toString('hex'));
    forms.add(bytes.toString('hex').toUpperCase());
  };
  if (typeof secret === 'string') {
    forms.add(secret);
    add(Buffer.from(secret, 'utf8'));
    if (/^[A-Za-z0-9+/]+={0,2}$/.test(secret)) add(Buffer.from(secret, 'base64'));
    if (/^[A-Za-z0-9_-]+$/.test(secret)) add(Buffer.from(secret, 'base64url'));
  } else {
    add(secret);
  }
  return [...forms].filter((form) => form.length >= 16);
}

/** The log lines that contain any encoding of any of `secrets`, with what they leaked. */
export function leaks(lines: readonly string[], secrets: Iterable<string | Buffer>): { line: string; form: string }[] {
  const forms = [...secrets].flatMap(encodingsOf);
  const found: { line: string; form: string }[] = [];
  for (const line of lines)
    for (const form of forms) if (line.includes(form)) found.push({ line: line.slice(0, 200), form: form.slice(0, 8) });
  return found;
}
