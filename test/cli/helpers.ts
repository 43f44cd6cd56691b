import { workspace } from '../helpers/workspace.js';

/** A temporary folder and warehouse per test, removed after it; runs the CLI in-process. */
export const cliWorkspace = workspace;

/** A tiny registry: two municipalities, one with characters unsafe in a file name. */
export const REGISTRY = [
  'Реестр ОО по состоянию на 01.09.2026',
  'Логин ОО;Наименование ОО;Муниципалитет',
  'sch050001;МКОУ «СОШ № 1»;Ахтынский район',
  'sch050002;МКОУ «СОШ № 2»;Ахтынский район',
  'sch050003;МБОУ «Гимназия № 3»;"г. Махачкала/""Советский"" ../р-н"',
].join('\r\n');

/** A participants list as of a date, with the given rows `login;curator`. */
export const participantsCsv = (date: string, rows: string[]) =>
  [
    `Школы — участницы проекта «500+» на 2026 год по состоянию на ${date}`,
    'Год;Логин ОО;Куратор',
    ...rows.map((r) => `2026;${r}`),
  ].join('\r\n');
