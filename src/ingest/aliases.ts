import { existsSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { UserError } from '../cli/errors.js';

/** Headers repeat across files and contracts: folding each spelling once is enough. */
const foldCache = new Map<string, string>();

/** Folds a header or value for comparison (DOMAIN §3.7): case, ё→е, spaces, trailing `*`/`:`/`.`. */
export function fold(text: string): string {
  const cached = foldCache.get(text);
  if (cached !== undefined) return cached;
  const folded = text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\u00a0\s]+/g, ' ')
    .trim()
    .replace(/[\s*:.]+$/u, '')
    .trim();
  if (foldCache.size > 50_000) foldCache.clear();
  foldCache.set(text, folded);
  return folded;
}

/** Built-in header aliases of DOMAIN §3.7, keyed by canonical column name. */
export const BUILT_IN_ALIASES: Record<string, string[]> = {
  school_login: ['Логин', 'Логин ОО', 'Логин школы', 'ОО (логин школы)', 'Пользователь', 'Код ОО в ФИС ОКО'],
  school_name: ['Наименование ОО', 'Полное наименование ОО', 'Образовательная организация', 'Школа'],
  municipality: ['Муниципалитет', 'Муниципальное образование', 'Муниципальный район', 'МО', 'Район', 'МОУО'],
  municipality_code: ['Код МСУ', 'Код МО', 'Код муниципалитета'],
  rcoi_code: ['Код ОО', 'Код ОУ'],
  region_code: ['Код региона', 'Регион'],
  year: ['Год', 'Год участия', 'Учебный год'],
  factor_code: ['Код фактора', 'Фактор риска', 'Фактор', 'Рисковое направление', 'Направление'],
  risk_level: ['Уровень риска', 'Значимость', 'Уровень'],
  activated: ['Активировано', 'Выбрано', 'Активировано в МЭДК', 'Направление выбрано'],
  curator_name: ['Куратор', 'ФИО куратора'],
  doc_type: ['Тип документа', 'Документ', 'Вид документа'],
  curator_status: ['Статус', 'Статус согласования', 'Согласование куратором'],
  stage: ['Этап', 'Этап мониторинга'],
  subject: ['Предмет', 'Учебный предмет', 'Наименование предмета', 'Код предмета'],
  grade: ['Параллель', 'Класс', 'Уровень (класс)'],
  class_name: ['Наименование класса', 'Класс', 'Литера'],
  student_code: ['Код ученика', 'Номер обучающегося', 'Код участника', 'Код'],
  total_score: ['Всего баллов', 'Первичный балл', 'Сумма баллов', 'Первичный балл письменной части'],
  primary_score: ['Всего баллов', 'Первичный балл', 'Сумма баллов', 'Первичный балл письменной части'],
  mark: ['Отметка', 'Оценка', 'Отметка по 5-балльной шкале'],
  journal_mark: [
    'Отметка за предыдущую четверть/триместр',
    'Отметка по журналу',
    'Отметка за предыдущий триместр/четверть/полугодие',
    'Отметка за предыдущую четверть',
    'Отметка за предыдущий триместр',
  ],
  test_score: ['Тестовый балл', 'Балл (ЕГЭ)'],
  exam_date: ['Дата экзамена', 'Дата проведения', 'Дата'],
  score: ['Балл', 'Баллы'],
  max_score: ['Максимальный балл', 'Макс балл', 'Макс. балл'],
  item_no: ['Номер задания', '№ задания', '№ п/п', '№', 'Номер пункта'],
  period: ['Сроки реализации', 'Срок', 'Период реализации', 'Период реализации отдельного действия', 'Сроки'],
  task: ['Задачи', 'Наименование мероприятия', 'Мероприятие', 'Задача'],
  indicator: ['Показатель реализации', 'Ожидаемый результат', 'Показатель'],
  executor: ['Исполнитель', 'Ответственный', 'Ответственные исполнители', 'Исполнители'],
  competence: ['Компетенция', 'Управленческая компетенция', 'Компетентность'],
  variant: ['Вариант', 'Номер варианта'],
  position: ['Должность'],
};

/** A user alias: `column` of `source` (or of every source when empty) is also written `alias`. */
export interface UserAlias {
  source: string;
  column: string;
  alias: string;
}

/**
 * Reads the user alias file: CSV with the header `source;column;alias` (UTF-8, `;` or `,`).
 * A missing file means no user aliases.
 */
export function readUserAliases(path: string): UserAlias[] {
  if (!existsSync(path)) return [];
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' });
  const aliases: UserAlias[] = [];
  parsed.data.forEach((row, i) => {
    const column = row.column?.trim();
    const alias = row.alias?.trim();
    if (!column || !alias) {
      throw new UserError(
        `Файл псевдонимов ${path}, строка ${i + 2}: нужны заполненные столбцы «column» и «alias» ` +
          '(заголовок файла: source;column;alias).',
      );
    }
    aliases.push({ source: row.source?.trim() ?? '', column, alias });
  });
  return aliases;
}
