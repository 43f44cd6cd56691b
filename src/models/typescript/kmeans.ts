/**
 * k-means for the risk clusters: k-means++ seeding from a fixed-seed PRNG, several restarts (the
 * best kept, the first on a tie), ties in distance to the lower centre, clusters numbered by size
 * then by their first login, k chosen by the mean silhouette. Deterministic for the same profiles
 * in any order.
 */

/** The fixed seed of the PRNG (any constant: only determinism matters). */
export const CLUSTER_SEED = 500;

export interface Profile {
  login: string;
  /** One value per feature (РПШ level 0–3 per factor). */
  levels: number[];
}

export interface ClusterOptions {
  kMin: number;
  kMax: number;
  /** Fewer profiles than this: no clustering, one group. */
  minSchools: number;
  /** A k whose best partition has a group smaller than this is not chosen (a group of 1–2 schools plans nothing). */
  minSize: number;
  restarts: number;
  seed?: number;
}

export interface Clustering {
  /** Profiles sorted by login: the order of `labels` and `silhouettes`. */
  logins: string[];
  /** Cluster per profile, 1..k. */
  labels: number[];
  k: number;
  /** Silhouette per profile (null when not clustered). */
  silhouettes: (number | null)[];
  /** Mean silhouette of the chosen k (null when not clustered). */
  meanSilhouette: number | null;
  /** Mean silhouette and smallest group of every k tried. */
  tried: { k: number; silhouette: number; smallest: number }[];
  /** Why there is one group, when there is. */
  reason?: 'too_few' | 'no_split';
}

/** mulberry32: a small, fast PRNG with a 32-bit state; the same seed gives the same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function dist2(a: number[], b: number[]): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) {
    const d = (a[j] as number) - (b[j] as number);
    s += d * d;
  }
  return s;
}

/** Index of the nearest centre; a tie goes to the lower index. */
function nearest(p: number[], centres: number[][]): number {
  let best = 0;
  let bestD = Number.POSITIVE_INFINITY;
  for (let c = 0; c < centres.length; c++) {
    const d = dist2(p, centres[c] as number[]);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

/** k-means++ seeding: the first centre at random, each next one drawn with probability ∝ D². */
function seedCentres(points: number[][], k: number, rng: () => number): number[][] {
  const first = points[Math.floor(rng() * points.length)] as number[];
  const centres = [first.slice()];
  const d2 = points.map((p) => dist2(p, first));
  while (centres.length < k) {
    const total = d2.reduce((s, v) => s + v, 0);
    // Fallback for a rounding miss at the very end: the last point not yet at a centre.
    let pick = d2.findLastIndex((v) => v > 0);
    if (total > 0) {
      const r = rng() * total;
      let cum = 0;
      for (let i = 0; i < points.length; i++) {
        cum += d2[i] as number;
        if (cum > r) {
          pick = i;
          break;
        }
      }
    }
    const c = points[pick] as number[];
    centres.push(c.slice());
    for (let i = 0; i < points.length; i++)
      d2[i] = Math.min(d2[i] as number, dist2(points[i] as number[], c));
  }
  return centres;
}

/** Lloyd's iterations from the given centres; labels 0..k-1 and the within-cluster sum of squares. */
function lloyd(points: number[][], centres: number[][]): { labels: number[]; inertia: number } {
  const k = centres.length;
  const dims = points[0]?.length ?? 0;
  let labels = points.map((p) => nearest(p, centres));
  for (let iter = 0; iter < 300; iter++) {
    const sums = centres.map(() => new Array<number>(dims).fill(0));
    const sizes = new Array<number>(k).fill(0);
    points.forEach((p, i) => {
      const c = labels[i] as number;
      sizes[c] = (sizes[c] as number) + 1;
      const s = sums[c] as number[];
      for (let j = 0; j < dims; j++) s[j] = (s[j] as number) + (p[j] as number);
    });
    for (let c = 0; c < k; c++) {
      if ((sizes[c] as number) > 0) {
        centres[c] = (sums[c] as number[]).map((v) => v / (sizes[c] as number));
        continue;
      }
      // An empty cluster takes the point farthest from its centre among clusters of ≥ 2 points.
      let far = -1;
      let farD = -1;
      points.forEach((p, i) => {
        const own = labels[i] as number;
        if ((sizes[own] as number) < 2) return;
        const d = dist2(p, centres[own] as number[]);
        if (d > farD) {
          farD = d;
          far = i;
        }
      });
      if (far >= 0) {
        sizes[labels[far] as number] = (sizes[labels[far] as number] as number) - 1;
        labels[far] = c;
        sizes[c] = 1;
        centres[c] = (points[far] as number[]).slice();
      }
    }
    const next = points.map((p) => nearest(p, centres));
    const changed = next.some((l, i) => l !== labels[i]);
    labels = next;
    if (!changed) break;
  }
  const inertia = points.reduce((s, p, i) => s + dist2(p, centres[labels[i] as number] as number[]), 0);
  return { labels, inertia };
}

/** The best (lowest inertia; the first on a tie) of `restarts` k-means++ runs. */
export function kmeans(points: number[][], k: number, restarts: number, rng: () => number): number[] {
  let best: { labels: number[]; inertia: number } | null = null;
  for (let r = 0; r < restarts; r++) {
    const run = lloyd(points, seedCentres(points, k, rng));
    if (!best || run.inertia < best.inertia - 1e-9) best = run;
  }
  return best?.labels ?? points.map(() => 0);
}

/** Silhouette per point (Euclidean distance); 0 for a point alone in its cluster. */
export function silhouettes(points: number[][], labels: number[], k: number): number[] {
  const sizes = new Array<number>(k).fill(0);
  for (const l of labels) sizes[l] = (sizes[l] as number) + 1;
  return points.map((p, i) => {
    const own = labels[i] as number;
    if ((sizes[own] as number) < 2) return 0;
    const sums = new Array<number>(k).fill(0);
    points.forEach((q, j) => {
      if (j !== i) sums[labels[j] as number] = (sums[labels[j] as number] as number) + Math.sqrt(dist2(p, q));
    });
    const a = (sums[own] as number) / ((sizes[own] as number) - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      if (c !== own && (sizes[c] as number) > 0) b = Math.min(b, (sums[c] as number) / (sizes[c] as number));
    }
    const m = Math.max(a, b);
    return m === 0 || !Number.isFinite(b) ? 0 : (b - a) / m;
  });
}

/** Clusters numbered 1..k by size (larger first), then by their first point (points sorted by login). */
function canonical(labels: number[], k: number): number[] {
  const sizes = new Array<number>(k).fill(0);
  const first = new Array<number>(k).fill(Number.POSITIVE_INFINITY);
  labels.forEach((l, i) => {
    sizes[l] = (sizes[l] as number) + 1;
    first[l] = Math.min(first[l] as number, i);
  });
  const order = [...Array(k).keys()]
    .filter((c) => (sizes[c] as number) > 0)
    .sort(
      (a, b) => (sizes[b] as number) - (sizes[a] as number) || (first[a] as number) - (first[b] as number),
    );
  const number = new Map(order.map((c, i) => [c, i + 1]));
  return labels.map((l) => number.get(l) as number);
}

const byLogin = (a: Profile, b: Profile) => (a.login < b.login ? -1 : a.login > b.login ? 1 : 0);

/** Groups the profiles; the same profiles in any order give the same result. */
export function clusterProfiles(profiles: Profile[], options: ClusterOptions): Clustering {
  const sorted = [...profiles].sort(byLogin);
  const logins = sorted.map((p) => p.login);
  const points = sorted.map((p) => p.levels);
  const oneGroup = (reason: Clustering['reason']): Clustering => ({
    logins,
    labels: points.map(() => 1),
    k: 1,
    silhouettes: points.map(() => null),
    meanSilhouette: null,
    tried: [],
    reason,
  });
  if (points.length < Math.max(options.minSchools, 3)) return oneGroup('too_few');
  const distinct = new Set(points.map((p) => p.join(','))).size;
  const kMax = Math.min(options.kMax, points.length - 1, distinct);
  const tried: Clustering['tried'] = [];
  let best: { k: number; labels: number[]; s: number[]; mean: number } | null = null;
  for (let k = Math.max(options.kMin, 2); k <= kMax; k++) {
    // One PRNG stream per k, so the result for a k does not depend on the other k tried.
    const rng = mulberry32((options.seed ?? CLUSTER_SEED) * 31 + k);
    const labels = kmeans(points, k, options.restarts, rng);
    const s = silhouettes(points, labels, k);
    const mean = s.reduce((a, v) => a + v, 0) / s.length;
    const sizes = new Array<number>(k).fill(0);
    for (const l of labels) sizes[l] = (sizes[l] as number) + 1;
    const smallest = Math.min(...sizes);
    tried.push({ k, silhouette: mean, smallest });
    if (smallest >= options.minSize && (!best || mean > best.mean + 1e-9)) best = { k, labels, s, mean };
  }
  if (!best) return { ...oneGroup('no_split'), tried };
  return {
    logins,
    labels: canonical(best.labels, best.k),
    k: best.k,
    silhouettes: best.s,
    meanSilhouette: best.mean,
    tried,
  };
}
