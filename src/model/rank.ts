interface ProblemRank {
  totalAnnualDamage: number;
  rank: number;
  /** This problem's share of the damage done by the problems that do damage; null when it does none. */
  share: number | null;
  cumulativeShare: number | null;
}

/** Already largest first (as evaluate ranks them): sorting again would change nothing, the sort being stable. */
function isRanked(problems: readonly { totalAnnualDamage: number }[]): boolean {
  for (let i = 1; i < problems.length; i++) if (problems[i]!.totalAnnualDamage > problems[i - 1]!.totalAnnualDamage) return false;
  return true;
}

/**
 * Problems by totalAnnualDamage, largest first; ties keep input order (the sort is stable). Sets each problem's
 * rank, share and cumulativeShare (the Pareto view) and returns them in rank order. The Pareto view counts only
 * problems that do damage: shares are of the sum of positive damages, the last positive problem's cumulative share
 * is exactly 1, and a problem whose damage is zero or negative has neither.
 */
export function rankProblems<T extends ProblemRank>(problems: readonly T[]): T[] {
  const ranked = isRanked(problems) ? [...problems] : [...problems].sort((a, b) => b.totalAnnualDamage - a.totalAnnualDamage);
  let positive = 0;
  let lastPositive = -1;
  ranked.forEach((p, i) => {
    p.rank = i + 1;
    if (p.totalAnnualDamage > 0) {
      positive += p.totalAnnualDamage;
      lastPositive = i;
    }
  });
  let cumulative = 0;
  ranked.forEach((p, i) => {
    if (i > lastPositive) {
      p.share = null;
      p.cumulativeShare = null;
      return;
    }
    cumulative += p.totalAnnualDamage;
    p.share = p.totalAnnualDamage / positive;
    p.cumulativeShare = i === lastPositive ? 1 : cumulative / positive;
  });
  return ranked;
}

/** 0: roi null and npv > 0 (free and worth it); 1: roi known; 2: roi null and npv ≤ 0. */
function group(i: { roi: number | null; npv: number }): number {
  if (i.roi !== null) return 1;
  return i.npv > 0 ? 0 : 2;
}

/**
 * Investments by roi, highest first, then by npv, then input order. A null roi (no costs) ranks first of all
 * when npv > 0 and last of all otherwise. Sets each investment's rank and returns them in rank order.
 */
export function rankInvestments<T extends { roi: number | null; npv: number; rank: number }>(investments: readonly T[]): T[] {
  const ranked = [...investments].sort((a, b) => group(a) - group(b) || (b.roi ?? 0) - (a.roi ?? 0) || b.npv - a.npv);
  ranked.forEach((inv, i) => {
    inv.rank = i + 1;
  });
  return ranked;
}
