import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { type ReportSettings, registerHelpers } from '../../src/reports/helpers.js';

const NBSP = '\u00a0';

const settings: ReportSettings = {
  organisation: 'Министерство образования и науки Республики Дагестан',
  region: {
    nominative: 'Республика Дагестан',
    genitive: 'Республики Дагестан',
    prepositional: 'Республике Дагестан',
  },
  municipalities: {
    '01': { nominative: 'Ахтынский район', genitive: 'Ахтынского района', prepositional: 'Ахтынском районе' },
  },
};

function render(template: string, data: unknown = {}): string {
  const hb = Handlebars.create();
  registerHelpers(hb, settings);
  return hb.compile(template, { strict: false })(data);
}

describe('report helpers in a Handlebars template', () => {
  it('registers on the isolated instance only', () => {
    const hb = Handlebars.create();
    registerHelpers(hb, settings);
    expect(hb.helpers.pct).toBeTypeOf('function');
    expect(Handlebars.helpers.pct).toBeUndefined();
  });

  it('numbers and percents take digits positionally or as a hash', () => {
    const out = render(
      '{{num n}}|{{num x 1}}|{{pct s}}|{{pct s digits=1}}|{{pctOf c t}}|{{pctValue p}}|{{num missing}}',
      {
        n: 1234,
        x: 12.46,
        s: 0.815,
        c: 1,
        t: 0,
        p: 81.1,
      },
    );
    expect(out).toBe(`1${NBSP}234|12,5|82${NBSP}%|81,5${NBSP}%|—|81,1${NBSP}%|—`);
  });

  it('pp reads a difference of fractions with kind="fraction"', () => {
    expect(render('{{pp d kind="fraction"}}|{{signedPp d kind="fraction"}}', { d: -0.063 })).toBe(
      `6,3${NBSP}п.${NBSP}п.|\u22126,3${NBSP}п.${NBSP}п.`,
    );
  });

  it('plural, dates, quotes and lists', () => {
    const out = render(
      '{{plural n "школа" "школы" "школ"}}|{{plural n "школа" "школы" "школ" bare=true}}|{{dateLong d}}|{{month d}}|{{q t}}|{{list items}}|{{list rows key="name"}}',
      {
        n: 21,
        d: '2026-10-31',
        t: 'СОШ «Радуга»',
        items: ['А', 'Б', 'В'],
        rows: [{ name: 'Х' }, { name: 'У' }],
      },
    );
    expect(out).toBe(
      `21${NBSP}школа|школа|31${NBSP}октября 2026${NBSP}г.|октябрь 2026${NBSP}г.|«СОШ „Радуга“»|А, Б и В|Х и У`,
    );
  });

  it('names: configured forms, the fallback phrase, the region and the organisation', () => {
    const out = render(
      [
        '{{name "01" "genitive"}}',
        '{{name "01" "dative"}}',
        '{{name code "prepositional" municipality prep="в"}}',
        'в {{municipalityPhrase code municipality "prepositional"}}',
        'в {{region "prepositional"}}',
        '{{region "genitive"}}',
        '{{organisation}}',
      ].join('|'),
      { code: '02', municipality: 'Докузпаринский район' },
    );
    expect(out.split('|')).toEqual([
      'Ахтынского района',
      'муниципальному образованию «Ахтынский район»',
      'в муниципальном образовании «Докузпаринский район»',
      'в муниципальном образовании «Докузпаринский район»',
      'в Республике Дагестан',
      'Республики Дагестан',
      'Министерство образования и науки Республики Дагестан',
    ]);
    expect(() => render('{{name "01" "родительный"}}')).toThrow(/падеж/);
  });

  it('ranking, change and effect from rows of the data', () => {
    const rows = [
      { factor: 'Оснащение', share: 0.81 },
      { factor: 'Учебная неуспешность', share: 0.78 },
      { factor: 'Мотивация', share: 0.49 },
    ];
    expect(render('{{ranking rows "factor" "share" count=2}}', { rows })).toBe(
      `на первом месте «Оснащение»${NBSP}– 81${NBSP}%, на втором${NBSP}– «Учебная неуспешность»${NBSP}– 78${NBSP}%`,
    );
    expect(render('{{change b a "доля «2»"}}', { b: 0.184, a: 0.121 })).toBe(
      `доля «2» снизилась с 18,4${NBSP}% до 12,1${NBSP}%, на 6,3${NBSP}п.${NBSP}п.`,
    );
    expect(render('{{change b a "средний балл" kind="number" gender="m"}}', { b: 3.4, a: 3.6 })).toBe(
      'средний балл вырос с 3,4 до 3,6, на 0,2',
    );
    const effect = {
      measure: 'share_2',
      n_shnor: 18,
      n_comparison: 64,
      did_share2_pp: -5.7,
      did_ci_low_pp: -14.8,
      did_ci_high_pp: 3.4,
      small_group: true,
      interval_below_zero: false,
      improved: false,
      schools_with_marker: 0,
      confirmed: false,
    };
    expect(render('{{#each rows}}{{effect this minGroup=20}}{{/each}}', { rows: [effect] })).toMatch(
      /^в группе меньше 20\u00a0школ\u00a0— вывод не делается/,
    );
  });

  it('comparisons for conditions', () => {
    const template =
      '{{#if (and (gt n 0) (eq year 2026))}}a{{/if}}{{#if (or (lt n 0) (not flag))}}b{{/if}}' +
      '{{#if (gte n 5)}}c{{/if}}{{#if (lte n 4)}}d{{/if}}{{#if (ne year 2025)}}e{{/if}}{{#if (gt missing 0)}}f{{/if}}';
    expect(render(template, { n: 5, year: 2026, flag: false })).toBe('abce');
  });

  it('data values come out escaped and inert', () => {
    const attack = '<script>alert(1)</script>';
    const data = {
      text: attack,
      secret: 'УТЕЧКА',
      moustache: '{{secret}}',
      rows: [
        { factor: attack, share: 0.5 },
        { factor: '{{secret}}', share: 0.4 },
      ],
      items: [attack, '{{secret}}'],
      municipality: attack,
    };
    const out = render(
      '{{q text}}|{{q moustache}}|{{ranking rows "factor" "share"}}|{{list items}}|{{municipalityPhrase "99" municipality "genitive"}}|{{change 0.1 0.2 text}}',
      data,
    );
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('УТЕЧКА');
    expect(out).toContain('«&lt;script&gt;alert(1)&lt;/script&gt;»');
    expect(out).toContain('«{{secret}}»');
    expect(out.match(/&lt;script&gt;/g)).toHaveLength(5);
  });
});
