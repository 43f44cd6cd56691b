import { existsSync, readFileSync } from 'node:fs';
import { type DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { EXIT, UserError } from '../cli/errors.js';
import { projectPath } from './paths.js';
import { fingerprint, loadOrCreateSecret } from './secret.js';
import { sqlFile } from './sql-file.js';
import { preparePrivateTemp } from './temp-dir.js';

export type Row = Record<string, unknown>;
type Params = DuckDBValue[] | Record<string, DuckDBValue>;

export interface OpenOptions {
  readOnly?: boolean;
  /** Memory limit for DuckDB, e.g. '2GB'. */
  memoryLimit?: string;
}

/** The DuckDB warehouse file: one writer at a time, or any number of readers. */
export class Warehouse {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    /** Pseudonymisation key; only a writer has it. */
    readonly key: string,
    readonly tempDir: string,
    /** 0 for the warehouse as opened; 1, 2… for the extra connections `fork` opens on it. */
    readonly lane = 0,
  ) {}

  static async open(path: string, options: OpenOptions = {}): Promise<Warehouse> {
    const exists = existsSync(path);
    if (options.readOnly && !exists) {
      throw new UserError(
        `Хранилище «${path}» не найдено. Сначала загрузите данные: shnor ingest ПАПКА (или укажите --db ФАЙЛ).`,
        EXIT.cannotRun,
      );
    }
    const key = options.readOnly ? '' : loadOrCreateSecret(path, exists);
    const tempDir = options.readOnly ? '' : `${path}.tmp`;
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, {
        access_mode: options.readOnly ? 'READ_ONLY' : 'READ_WRITE',
        autoinstall_known_extensions: 'false',
        autoload_known_extensions: 'true',
        ...(tempDir ? { temp_directory: tempDir } : {}),
        ...(options.memoryLimit ? { memory_limit: options.memoryLimit } : {}),
      });
    } catch (error) {
      throw translateOpenError(error, path);
    }
    // Emptied only once this process holds the warehouse: a refused second run must not touch the
    // temp files of the run that holds it.
    if (tempDir) preparePrivateTemp(path);
    const connection = await instance.connect();
    const warehouse = new Warehouse(path, instance, connection, key, tempDir);
    if (!options.readOnly) {
      // The key first: a warehouse refused for its key is left exactly as it was.
      await warehouse.checkKey();
      await warehouse.exec(readFileSync(projectPath('sql/warehouse/schema.sql'), 'utf8'));
      await warehouse.exec(readFileSync(projectPath('sql/warehouse/macros.sql'), 'utf8'));
      await warehouse.recordKey();
    }
    return warehouse;
  }

  /**
   * One more connection to the same open warehouse, with its own TEMP objects and transactions
   * (statements of two connections run side by side). Closing it leaves the warehouse open.
   */
  async fork(lane: number): Promise<Warehouse> {
    return new Warehouse(
      this.path,
      this.instance,
      await this.instance.connect(),
      this.key,
      this.tempDir,
      lane,
    );
  }

  async run(sql: string, params?: Params): Promise<void> {
    await this.connection.run(sql, params);
  }

  /** Runs a script of several statements. */
  async exec(script: string): Promise<void> {
    const extracted = await this.connection.extractStatements(script);
    for (let i = 0; i < extracted.count; i++) {
      const prepared = await extracted.prepare(i);
      await prepared.run();
    }
  }

  async rows<T = Row>(sql: string, params?: Params): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql, params);
    return reader.getRowObjectsJS() as T[];
  }

  async value<T>(sql: string, params?: Params): Promise<T> {
    const rows = await this.rows(sql, params);
    return Object.values(rows[0] ?? {})[0] as T;
  }

  async tableExists(name: string, schema = 'main'): Promise<boolean> {
    const n = await this.value<number | bigint>(sqlFile('warehouse/meta/table-exists.sql'), { name, schema });
    return Number(n) > 0;
  }

  async viewExists(name: string): Promise<boolean> {
    return Number(await this.value<number | bigint>(sqlFile('warehouse/meta/view-exists.sql'), { name })) > 0;
  }

  /** Runs `fn` in one transaction: all of it lands, or none of it. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.run('BEGIN TRANSACTION');
    try {
      const result = await fn();
      await this.run('COMMIT');
      return result;
    } catch (error) {
      await this.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  close(): void {
    this.connection.closeSync();
    if (this.lane === 0) this.instance.closeSync();
  }

  /** The fingerprint of the key the warehouse was created with (none yet for a new warehouse). */
  private async storedKey(): Promise<string | undefined> {
    if (!(await this.tableExists('warehouse_meta'))) return undefined;
    const stored = await this.rows<{ value: string }>(sqlFile('warehouse/meta/key-fingerprint.sql'));
    return stored[0]?.value;
  }

  /** A new warehouse remembers its key's fingerprint. */
  private async recordKey(): Promise<void> {
    if ((await this.storedKey()) === undefined) {
      await this.run(sqlFile('warehouse/meta/key-fingerprint-set.sql'), {
        fingerprint: fingerprint(this.key),
      });
    }
  }

  /** A warehouse refuses a key other than the one it was created with. */
  private async checkKey(): Promise<void> {
    const stored = await this.storedKey();
    if (stored !== undefined && stored !== fingerprint(this.key)) {
      this.close();
      throw new UserError(
        `Ключ псевдонимизации «${this.path}.secret» не совпадает с ключом, с которым создано хранилище «${this.path}». ` +
          'Верните исходный файл ключа: с другим ключом обезличенные идентификаторы не сопоставятся.',
        EXIT.cannotRun,
      );
    }
  }
}

function translateOpenError(error: unknown, path: string): Error {
  const text = String((error as Error)?.message ?? error);
  if (/lock|Conflicting/i.test(text)) {
    return new UserError(
      `Хранилище «${path}» сейчас занято другим процессом (идёт загрузка или расчёт). ` +
        'Дождитесь его окончания и повторите команду.',
      EXIT.cannotRun,
    );
  }
  if (/not a valid DuckDB database|Corrupt|checksum/i.test(text)) {
    return new UserError(`Файл «${path}» не является хранилищем DuckDB или повреждён.`, EXIT.cannotRun);
  }
  if (/Permission denied|read-only file system/i.test(text)) {
    return new UserError(
      `Нет доступа к файлу хранилища «${path}»: проверьте права на папку и файл.`,
      EXIT.cannotRun,
    );
  }
  return error as Error;
}
