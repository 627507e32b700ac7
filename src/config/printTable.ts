// Prints the README's configuration table from the variable table (`npm run config:table`; then `npm run format`).
import { configurationRows } from './settings.ts';

const lines = [
  '| Variable | Default | Meaning |',
  '| --- | --- | --- |',
  ...configurationRows().map((row) => `| \`${row.name}\` | ${row.shownDefault} | ${row.meaning} |`),
];
process.stdout.write(`${lines.join('\n')}\n`);
