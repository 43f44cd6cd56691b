import { UserError } from '../cli/errors.js';
import type { Project } from './project.js';

/**
 * The models a `--select` list names, in dependency order: `NAME`, `+NAME` (with everything it
 * reads), `NAME+` (with everything that reads it), or a layer (`staging`, `intermediate`, `marts`).
 * No patterns: every model. (A run also brings what the selection reads up to date; `+NAME` makes
 * that explicit, e.g. for `shnor test`.)
 */
export function selectModels(project: Project, patterns: string[]): string[] {
  if (patterns.length === 0) return project.order;
  const chosen = new Set<string>();
  for (const raw of patterns.flatMap((p) => p.split(/[\s,]+/)).filter(Boolean)) {
    const upstream = raw.startsWith('+');
    const downstream = raw.endsWith('+');
    const name = raw.replace(/^\+|\+$/g, '');
    const layer = [...project.models.values()].filter((m) => m.layer === name).map((m) => m.name);
    if (layer.length) {
      for (const n of layer) chosen.add(n);
      continue;
    }
    if (!project.models.has(name)) {
      const near = [...project.models.keys()].filter((n) => n.includes(name) || name.includes(n)).slice(0, 5);
      throw new UserError(
        `Модели «${name}» нет.${near.length ? ` Возможно: ${near.join(', ')}.` : ''} Список моделей: shnor docs.`,
      );
    }
    chosen.add(name);
    if (upstream)
      for (const n of closure(project, name, (m) => project.models.get(m)?.dependsOn ?? [])) chosen.add(n);
    if (downstream) for (const n of closure(project, name, (m) => dependants(project, m))) chosen.add(n);
  }
  return project.order.filter((n) => chosen.has(n));
}

/** Models that read `name` directly. */
export function dependants(project: Project, name: string): string[] {
  return [...project.models.values()].filter((m) => m.dependsOn.includes(name)).map((m) => m.name);
}

function closure(project: Project, start: string, next: (name: string) => string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length) {
    for (const n of next(stack.pop() as string)) {
      if (!seen.has(n) && project.models.has(n)) {
        seen.add(n);
        stack.push(n);
      }
    }
  }
  return seen;
}
