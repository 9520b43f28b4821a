/**
 * The statistics the over-load detectors use, with CloudSim 3.0.3's exact definitions
 * (`MathUtil`, commons-math3 `DescriptiveStatistics` percentile and `SimpleRegression`).
 */

/** Length of `data` without its trailing zeros (CloudSim's `countNonZeroBeginning`). */
export function countNonZeroBeginning(data: ArrayLike<number>, length = data.length): number {
  let i = length - 1
  while (i >= 0) {
    if (data[i--] !== 0) break
  }
  return i + 2
}

/** commons-math3 legacy percentile estimate of sorted values (p in (0, 100]). */
export function percentileSorted(sorted: ArrayLike<number>, n: number, p: number): number {
  if (n === 0) return Number.NaN
  if (n === 1) return sorted[0] as number
  const pos = (p * (n + 1)) / 100
  const fpos = Math.floor(pos)
  const d = pos - fpos
  if (pos < 1) return sorted[0] as number
  if (pos >= n) return sorted[n - 1] as number
  const lower = sorted[fpos - 1] as number
  const upper = sorted[fpos] as number
  return lower + d * (upper - lower)
}

const scratch = new Float64Array(64)
const scratch2 = new Float64Array(64)

/** Copies the first `n` values into `into` sorted ascending (insertion sort: n <= 30). */
function sortedCopy(data: ArrayLike<number>, n: number, into: Float64Array): Float64Array {
  for (let i = 0; i < n; i++) {
    const x = data[i] as number
    let j = i - 1
    while (j >= 0 && (into[j] as number) > x) {
      into[j + 1] = into[j] as number
      j--
    }
    into[j + 1] = x
  }
  return into
}

/** Median (50th percentile) of the first `n` values. */
export function median(data: ArrayLike<number>, n = data.length): number {
  return percentileSorted(sortedCopy(data, n, scratch2), n, 50)
}

/** Median absolute deviation of the first `n` values. */
export function mad(data: ArrayLike<number>, n = data.length): number {
  if (n === 0) return 0
  const m = median(data, n)
  const dev = scratch
  for (let i = 0; i < n; i++) dev[i] = Math.abs(m - (data[i] as number))
  return median(dev, n)
}

/** Interquartile range of the first `n` values (CloudSim's rounding of the quartile ranks). */
export function iqr(data: ArrayLike<number>, n = data.length): number {
  const s = sortedCopy(data, n, scratch2)
  const q1 = javaRound(0.25 * (n + 1)) - 1
  const q3 = javaRound(0.75 * (n + 1)) - 1
  return (s[q3] as number) - (s[q1] as number)
}

/** Java's Math.round (half up). */
function javaRound(x: number): number {
  return Math.floor(x + 0.5)
}

/**
 * Ordinary least squares `y = a + b x` over x = 1..n with commons-math3 SimpleRegression's
 * updating formulas. Returns [intercept, slope].
 */
export function linearFit(y: ArrayLike<number>, n = y.length): [number, number] {
  let sumX = 0
  let sumY = 0
  let sumXX = 0
  let sumXY = 0
  let xbar = 0
  let ybar = 0
  for (let i = 0; i < n; i++) {
    const x = i + 1
    const yi = y[i] as number
    if (i === 0) {
      xbar = x
      ybar = yi
    } else {
      const fact1 = 1 + i
      const fact2 = i / (1 + i)
      const dx = x - xbar
      const dy = yi - ybar
      sumXX += dx * dx * fact2
      sumXY += dx * dy * fact2
      xbar += dx / fact1
      ybar += dy / fact1
    }
    sumX += x
    sumY += yi
  }
  const slope = n < 2 || Math.abs(sumXX) < 10 * Number.MIN_VALUE ? Number.NaN : sumXY / sumXX
  return [(sumY - slope * sumX) / n, slope]
}
