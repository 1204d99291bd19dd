/**
 * The few special functions the buying model needs, written out because they run once per
 * customer in a full recompute (100,000 times): a general-purpose library (such as stdlib's, a
 * port of Boost, which the tests compare these with) is several times slower and would add
 * about 150 KB to the background. Standard textbook forms: Lanczos' log-gamma, the regularized
 * incomplete beta by its continued fraction (modified Lentz), trigamma by recurrence and its
 * asymptotic series.
 */

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LN_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0. */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0] as number;
  for (let i = 1; i < 9; i++) sum += (LANCZOS[i] as number) / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LN_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln B(a, b). */
export function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

const TINY = 1e-300;
const EPSILON = 1e-13;
const MAX_TERMS = 500;

/** The continued fraction of the incomplete beta (converges fast for x < (a + 1) / (a + b + 2)). */
function betaFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_TERMS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPSILON) break;
  }
  return h;
}

/** The regularized incomplete beta I_x(a, b), a, b > 0. */
export function betaRegularized(x: number, a: number, b: number): number {
  if (!(x > 0)) return 0;
  if (!(x < 1)) return 1;
  const lnFront = a * Math.log(x) + b * Math.log1p(-x) - lnBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lnFront) * betaFraction(x, a, b)) / a;
  return 1 - (Math.exp(lnFront) * betaFraction(1 - x, b, a)) / b;
}

/** The x in [0, 1] with I_x(a, b) = p, by bisection (used for a single card, not per recompute). */
export function betaRegularizedInverse(p: number, a: number, b: number): number {
  if (!(p > 0)) return 0;
  if (!(p < 1)) return 1;
  let low = 0;
  let high = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (betaRegularized(mid, a, b) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** ψ'(x), x > 0. */
export function trigamma(x: number): number {
  let sum = 0;
  let z = x;
  while (z < 6) {
    sum += 1 / (z * z);
    z += 1;
  }
  const inv = 1 / z;
  const inv2 = inv * inv;
  return sum + inv + inv2 / 2 + inv * inv2 * (1 / 6 - inv2 * (1 / 30 - inv2 * (1 / 42 - inv2 / 30)));
}

/** ψ''(x), x > 0 (Newton steps of the inverse below). */
function tetragamma(x: number): number {
  let sum = 0;
  let z = x;
  while (z < 6) {
    sum -= 2 / (z * z * z);
    z += 1;
  }
  const inv = 1 / z;
  const inv2 = inv * inv;
  return sum - inv2 - inv * inv2 - inv2 * inv2 * (1 / 2 - inv2 * (1 / 6 - inv2 / 6));
}

/** The x > 0 with ψ'(x) = v (v > 0): Newton from the two-term asymptote (Smyth's method). */
export function inverseTrigamma(v: number): number {
  let x = v > 1e6 ? 1 / Math.sqrt(v) : (1 + Math.sqrt(1 + 2 * v)) / (2 * v);
  for (let i = 0; i < 6; i++) {
    const step = (trigamma(x) - v) / tetragamma(x);
    x -= step;
    if (!(x > 0)) x = 1e-6;
    if (Math.abs(step) < 1e-9 * x) break;
  }
  return x;
}

/** The regularized lower incomplete gamma P(a, x), a > 0 (series below a + 1, continued fraction above). */
export function gammaRegularized(a: number, x: number): number {
  if (!(x > 0)) return 0;
  if (x === Infinity) return 1;
  const lnFront = a * Math.log(x) - x - lnGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n <= MAX_TERMS; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
    }
    return Math.min(1, sum * Math.exp(lnFront));
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= MAX_TERMS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPSILON) break;
  }
  return Math.max(0, 1 - Math.exp(lnFront) * h);
}
