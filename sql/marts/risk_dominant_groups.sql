-- The simpler grouping regions usually use (DOMAIN §4.3): each participant goes to the group of its
-- dominant activated directions — the N (risk_settings.dominant_group_factors) activated factors
-- with the highest РПШ level, ties broken by how many participants activated the factor (the more
-- common first, so groups stay large enough to plan support for), then by factor code. The group is
-- the combination, named in factor-code order; schools with no activated direction form their own group.
WITH settings AS (
  SELECT CAST(value AS INTEGER) AS factors
  FROM ref_risk_settings
  WHERE parameter = 'dominant_group_factors'
),
frequency AS (
  SELECT factor_code, count(*) FILTER (WHERE activated) AS activations
  FROM int_risk_directions
  GROUP BY factor_code
),
ranked AS (
  SELECT
    d.school_login,
    d.factor_code,
    d.short_name,
    row_number() OVER (
      PARTITION BY d.school_login
      ORDER BY d.risk_level DESC NULLS LAST, f.activations DESC, d.factor_code
    ) AS position
  FROM int_risk_directions d
  JOIN frequency f USING (factor_code)
  WHERE d.activated
),
dominant AS (
  SELECT
    school_login,
    string_agg(CAST(factor_code AS VARCHAR), ', ' ORDER BY factor_code) AS group_factor_codes,
    -- names in factor-code order; after the first, lower-cased unless they open with an abbreviation
    list_transform(
      list(short_name ORDER BY factor_code),
      (n, i) -> CASE WHEN i = 1 OR (upper(n[2]) = n[2] AND lower(n[2]) <> n[2]) THEN n
                     ELSE lower(n[1]) || n[2:] END
    ) AS names
  FROM ranked
  WHERE position <= (SELECT factors FROM settings)
  GROUP BY school_login
),
schools AS (
  SELECT
    p.municipality_code,
    p.municipality,
    p.school_login,
    p.school_name,
    s.directions,
    d.group_factor_codes,
    -- «Оснащение», «Оснащение и учебная неуспешность», «Кадры, компетентность педагогов и …»
    CASE
      WHEN d.names IS NULL THEN 'Нет активированных направлений'
      WHEN len(d.names) = 1 THEN d.names[1]
      ELSE array_to_string(d.names[1:-2], ', ') || ' и ' || d.names[-1]
    END AS group_name
  FROM int_risk_participants p
  JOIN risk_participation_schools s
    ON s.school_login = p.school_login AND s.year = run_year() AND s.as_of = as_of_date()
  LEFT JOIN dominant d ON d.school_login = p.school_login
)
SELECT
  municipality_code,
  municipality,
  school_login,
  school_name,
  directions,
  group_factor_codes,
  group_name,
  count(*) OVER (PARTITION BY group_name) AS group_schools,
  count(*) OVER () AS participants,
  share(count(*) OVER (PARTITION BY group_name), count(*) OVER ()) AS share_group,
  pct(count(*) OVER (PARTITION BY group_name), count(*) OVER (), 1) AS pct_group
FROM schools
