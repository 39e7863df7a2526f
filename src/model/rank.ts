interface ProblemRank {
  totalAnnualDamage: number;
  rank: number;
  /** This problem's share of the total damage of all problems; null when that total is 0. */
  share: number | null;
  cumulativeShare: number | null;
}

/**
 * Problems by totalAnnualDamage, largest first; ties keep input order (the sort is stable). Sets each problem's
 * rank, share and cumulativeShare (the Pareto view) and returns them in rank order.
 */
export function rankProblems<T extends ProblemRank>(problems: readonly T[]): T[] {
  const total = problems.reduce((sum, p) => sum + p.totalAnnualDamage, 0);
  let cumulative = 0;
  const ranked = [...problems].sort((a, b) => b.totalAnnualDamage - a.totalAnnualDamage);
  ranked.forEach((p, i) => {
    cumulative += p.totalAnnualDamage;
    p.rank = i + 1;
    p.share = total === 0 ? null : p.totalAnnualDamage / total;
    p.cumulativeShare = total === 0 ? null : cumulative / total;
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
