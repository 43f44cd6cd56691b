import { parseArgs } from 'node:util';
import { DEFAULT_DB } from '../warehouse/paths.js';
import type { Command, GlobalOptions } from './command.js';
import { EXIT, fileSystemError, UserError } from './errors.js';
import { type Io, processIo } from './io.js';

/** Each command's module is imported only when it runs, so `--help` is instant. */
const COMMANDS: Record<string, () => Promise<{ command: Command }>> = {
  ingest: () => import('./commands/ingest.js'),
  batches: () => import('./commands/batches.js'),
  unload: () => import('./commands/unload.js'),
  rejects: () => import('./commands/rejects.js'),
  template: () => import('./commands/template.js'),
  sql: () => import('./commands/sql.js'),
  models: () => import('./commands/models.js'),
  test: () => import('./commands/test.js'),
  docs: () => import('./commands/docs.js'),
  report: () => import('./commands/report.js'),
  run: () => import('./commands/run.js'),
};

const GLOBAL_OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const GLOBAL_HELP = `Общие параметры:
  --db ФАЙЛ     хранилище DuckDB (по умолчанию ${DEFAULT_DB} в текущей папке)
  --json        вывод в формате JSON для программ
  --debug       показывать технические подробности ошибок
  -h, --help    справка

Коды завершения: 0 — успешно; 1 — есть предупреждения (например, отклонённые строки);
2 — ошибка в данных или команде; 3 — команду невозможно выполнить (хранилище занято, нет ключа и т. п.).`;

async function mainHelp(): Promise<string> {
  const lines = [
    'shnor — загрузка, расчёт и отчёты проекта «500+» (школы с низкими образовательными результатами)',
    '',
    'Использование: shnor КОМАНДА [параметры]',
    '',
    'Команды:',
  ];
  for (const [name, load] of Object.entries(COMMANDS)) {
    lines.push(`  ${name.padEnd(10)}${(await load()).command.summary}`);
  }
  lines.push('', 'Справка по команде: shnor КОМАНДА --help', '', GLOBAL_HELP);
  return lines.join('\n');
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const name = argv[0];
  let debug = argv.includes('--debug');
  try {
    if (!name || name === '--help' || name === '-h' || name === 'help') {
      io.out(await mainHelp());
      return name ? EXIT.ok : EXIT.ok;
    }
    const load = COMMANDS[name];
    if (!load) {
      throw new UserError(`Неизвестная команда «${name}». Список команд: shnor --help`);
    }
    const { command } = await load();
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({
        args: argv.slice(1),
        options: { ...GLOBAL_OPTIONS, ...command.options },
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      throw new UserError(
        `${translateArgError(String((error as Error).message))}\nСправка: shnor ${name} --help`,
      );
    }
    const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
    if (values.help) {
      io.out(`${command.usage}\n\n${command.help}\n\n${GLOBAL_HELP}`);
      return EXIT.ok;
    }
    debug = Boolean(values.debug);
    const globals: GlobalOptions = {
      db: (values.db as string | undefined) ?? process.env.SHNOR_DB ?? DEFAULT_DB,
      json: Boolean(values.json),
      debug,
    };
    return await command.run(parsed.positionals, values, globals, io);
  } catch (caught) {
    // A refused write no writer translated (a read-only folder, a full disk) is the user's to fix.
    const error = fileSystemError(caught) ?? caught;
    if (error instanceof UserError) {
      io.err(`Ошибка: ${error.message}`);
      if (debug) io.err((caught as Error | undefined)?.stack ?? error.stack ?? '');
      return error.exitCode;
    }
    io.err(
      `Внутренняя ошибка программы: ${(error as Error)?.message ?? String(error)}\n` +
        'Повторите с --debug и передайте вывод разработчикам.',
    );
    if (debug) io.err((error as Error)?.stack ?? '');
    return EXIT.cannotRun;
  }
}

function translateArgError(message: string): string {
  let m = /Unknown option '([^']+)'/.exec(message);
  if (m) return `Неизвестный параметр ${m[1]}.`;
  m = /Option '([^']+)' argument missing/.exec(message);
  if (m) return `Параметру ${m[1].split(',').pop()?.trim()} нужно значение.`;
  m = /Unexpected argument '([^']+)'/.exec(message);
  if (m) return `Лишний аргумент «${m[1]}».`;
  return `Ошибка в параметрах: ${message}`;
}
