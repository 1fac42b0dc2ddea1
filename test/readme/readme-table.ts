/**
 * The README's command table ("Other commands"), read the way a person reads
 * it: each row's first cell names one or more commands in backticks, the
 * second says what they do.
 */
export interface CommandRow {
  commands: string[];
  does: string;
}

const COMMAND = /`(npm (?:start|test|run [\w:-]+))`/g;

/** Every row of the first Markdown table whose header is `| command | what it does |`. */
export const readCommandTable = (markdown: string): CommandRow[] => {
  const lines = markdown.split('\n');
  const header = lines.findIndex((l) => /^\|\s*command\s*\|\s*what it does\s*\|\s*$/i.test(l));
  if (header === -1) throw new Error('README.md has no "| command | what it does |" table');
  const rows: CommandRow[] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const [first = '', ...rest] = line.split(/(?<!\\)\|/).slice(1, -1);
    rows.push({ commands: [...first.matchAll(COMMAND)].map((m) => m[1]!), does: rest.join('|').trim() });
  }
  return rows;
};

/** `npm run web` → `web`; `npm start` → `start`. */
export const scriptOf = (command: string): string => command.replace(/^npm (run )?/, '');
