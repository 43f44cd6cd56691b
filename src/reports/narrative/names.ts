/**
 * Names of the region and of municipalities in grammatical cases. A form the settings give is used as is;
 * a form they do not give is replaced by a phrase that needs no declension: a generic noun in the case and
 * the name in the nominative in quotes («муниципальном образовании «Ахтынский район»»). No preposition is
 * added unless asked for (`prep`), so a template may write «в {{region "prepositional"}}».
 */

import { quote } from './quote.js';

export type GrammaticalCase =
  | 'nominative'
  | 'genitive'
  | 'dative'
  | 'accusative'
  | 'instrumental'
  | 'prepositional';

/** A name in cases; only the nominative is required. Forms carry no preposition («Ахтынском районе»). */
export interface NameForms {
  nominative: string;
  genitive?: string;
  dative?: string;
  accusative?: string;
  instrumental?: string;
  prepositional?: string;
}

const CASES: readonly GrammaticalCase[] = [
  'nominative',
  'genitive',
  'dative',
  'accusative',
  'instrumental',
  'prepositional',
];

/** The generic nouns of the fallback phrase, in each case. */
export const MUNICIPALITY_NOUN: Record<GrammaticalCase, string> = {
  nominative: 'муниципальное образование',
  genitive: 'муниципального образования',
  dative: 'муниципальному образованию',
  accusative: 'муниципальное образование',
  instrumental: 'муниципальным образованием',
  prepositional: 'муниципальном образовании',
};

export const REGION_NOUN: Record<GrammaticalCase, string> = {
  nominative: 'регион',
  genitive: 'региона',
  dative: 'региону',
  accusative: 'регион',
  instrumental: 'регионом',
  prepositional: 'регионе',
};

/** The case a template names, checked. */
export function grammaticalCase(value: unknown): GrammaticalCase {
  if (value === undefined || value === null) return 'nominative';
  const found = CASES.find((c) => c === value);
  if (!found) throw new TypeError(`падеж ${JSON.stringify(value)} неизвестен; возможны: ${CASES.join(', ')}`);
  return found;
}

/**
 * The preposition before a phrase, with its euphonic form: «во Владикавказе», «со Ставропольским», «об Ахтынском».
 * A template asks for it with prep="в" (rather than writing «в» before the helper) to get «во» where needed.
 */
export function withPreposition(prep: string, phrase: string): string {
  const p = prep.trim();
  if (p === '') return phrase;
  const lower = phrase.toLowerCase();
  // «в» and «с» before the same letter followed by a consonant; «о» before a vowel.
  const clusterAfter = (letters: string) =>
    letters.includes(lower[0]) && /^.[бвгджзйклмнпрстфхцчшщ]/.test(lower);
  let form = p;
  if (p === 'в' && clusterAfter('вф')) form = 'во';
  else if (p === 'с' && clusterAfter('сзшж')) form = 'со';
  else if (p === 'о' && /^[аиоуэ]/.test(lower)) form = 'об';
  return `${form} ${phrase}`;
}

function configured(forms: NameForms | undefined, grammatical: GrammaticalCase): string | undefined {
  const form = forms?.[grammatical]?.trim();
  return form ? form : undefined;
}

export interface PhraseRequest {
  /** What the settings say about the name (may be absent). */
  forms?: NameForms;
  /** The name in the nominative as the data gives it, used when the settings do not. */
  nominative?: string | null;
  /** Shown when there is no name at all («муниципальное образование с кодом 0101»). */
  code?: string | null;
  grammaticalCase: GrammaticalCase;
  prep?: string;
}

/** The name in the case, or the generic noun in the case and the quoted nominative. */
export function namePhrase(noun: Record<GrammaticalCase, string>, request: PhraseRequest): string {
  const { forms, grammaticalCase: grammatical } = request;
  const form = configured(forms, grammatical);
  const nominative = configured(forms, 'nominative') ?? (request.nominative?.trim() || undefined);
  let phrase: string;
  if (form) phrase = form;
  else if (nominative)
    phrase = grammatical === 'nominative' ? nominative : `${noun[grammatical]} ${quote(nominative)}`;
  else phrase = `${noun[grammatical]} с кодом ${request.code ?? '—'}`;
  return withPreposition(request.prep ?? '', phrase);
}

export function municipalityPhrase(request: PhraseRequest): string {
  return namePhrase(MUNICIPALITY_NOUN, request);
}

export function regionPhrase(forms: NameForms, grammatical: GrammaticalCase, prep?: string): string {
  return namePhrase(REGION_NOUN, { forms, grammaticalCase: grammatical, prep });
}
