/** Quotes an SQL identifier (the load step is the only place that assembles SQL in TypeScript). */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Quotes a string literal. */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
