/** One box of the dependency graph: its column (layer) and the boxes it reads. */
export interface GraphNode {
  id: string;
  column: number;
  inputs: string[];
}

const BOX_W = 250;
const GAP_X = 90;
const ROW_H = 24;
const BOX_H = 18;
const PAD = 10;

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

/**
 * A layered drawing of the model graph (sources → staging → intermediate → marts) as inline SVG.
 * Within a column, boxes are ordered by the mean position of what they read, so edges cross less.
 */
export function dependencyGraphSvg(nodes: GraphNode[]): string {
  const columns = [...new Set(nodes.map((n) => n.column))].sort((a, b) => a - b);
  const y = new Map<string, number>();
  for (const col of columns) {
    const here = nodes.filter((n) => n.column === col);
    const weight = (n: GraphNode) => {
      const ys = n.inputs.map((i) => y.get(i)).filter((v): v is number => v !== undefined);
      return ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : Number.POSITIVE_INFINITY;
    };
    const ordered = here
      .map((n) => ({ n, w: weight(n) }))
      .sort((a, b) => a.w - b.w || a.n.id.localeCompare(b.n.id));
    for (const [i, { n }] of ordered.entries()) y.set(n.id, PAD + i * ROW_H);
  }
  const x = (n: GraphNode) => PAD + columns.indexOf(n.column) * (BOX_W + GAP_X);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges: string[] = [];
  for (const n of nodes) {
    for (const i of n.inputs) {
      const from = byId.get(i);
      if (!from) continue;
      const x1 = x(from) + BOX_W;
      const y1 = (y.get(i) as number) + BOX_H / 2;
      const x2 = x(n);
      const y2 = (y.get(n.id) as number) + BOX_H / 2;
      const mid = (x1 + x2) / 2;
      edges.push(`<path d="M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}" />`);
    }
  }
  const boxes = nodes.map((n) => {
    const bx = x(n);
    const by = y.get(n.id) as number;
    return `<a href="#${esc(n.id)}"><rect x="${bx}" y="${by}" width="${BOX_W}" height="${BOX_H}" rx="3" /><text x="${bx + 6}" y="${by + 13}">${esc(n.id)}</text></a>`;
  });
  const width = PAD * 2 + columns.length * BOX_W + (columns.length - 1) * GAP_X;
  const height =
    PAD * 2 + Math.max(...columns.map((c) => nodes.filter((n) => n.column === c).length)) * ROW_H;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Граф зависимостей моделей">
<style>path{fill:none;stroke:#9ab;stroke-width:1}rect{fill:#f4f8fb;stroke:#579}text{font:11px monospace;fill:#123}</style>
<g>${edges.join('')}</g><g>${boxes.join('')}</g></svg>`;
}
