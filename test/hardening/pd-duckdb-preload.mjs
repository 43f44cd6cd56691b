/**
 * Loaded (node --import) into the CLI that the personal-data test runs; never into the program
 * itself. DuckDB compresses strings (dictionary, FSST), so a name could sit in the warehouse file
 * without its bytes showing: here every string is stored uncompressed, and a scan of the raw file
 * sees every string any page ever held. With SHNOR_TEST_KEEP_WAL=1 every commit stays in the WAL
 * (no checkpoint, not even at exit), as a run killed after its last commit would leave it.
 */
import { DuckDBInstance } from '@duckdb/node-api';

const create = DuckDBInstance.create.bind(DuckDBInstance);
const keepWal = process.env.SHNOR_TEST_KEEP_WAL === '1';

DuckDBInstance.create = async (path, options = {}) => {
  const instance = await create(path, {
    ...options,
    force_compression: 'uncompressed',
    ...(keepWal ? { checkpoint_threshold: '1TB', auto_checkpoint_skip_wal_threshold: '1000000000000' } : {}),
  });
  if (keepWal) {
    const connection = await instance.connect();
    await connection.run('PRAGMA disable_checkpoint_on_shutdown');
    connection.closeSync();
  }
  return instance;
};
