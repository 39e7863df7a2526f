// The scenarios the report is loaded with in Chromium: the worked example's GET form, a 30-problem case in VND with
// Vietnamese names and a portfolio (made the same way every run), and one whose names try to break the page.
import { workedExample } from '../../src/schemas/examples.ts';
import { seeded } from '../../src/model/random.ts';

type Item = Record<string, unknown>;

/** `id,key:value,…` with names percent-encoded: the README's "A whole business case in one URL". */
function compactProblem(p: Item): string {
  const o = p.outcomes as { satisfied: number; mollified: number; dissatisfied: number };
  const parts = [
    p.id,
    `name:${encodeURIComponent(String(p.name))}`,
    `prevalence:${p.prevalence}`,
    `complaintRate:${p.complaintRate}`,
    `outcomes:${o.satisfied}/${o.mollified}/${o.dissatisfied}`,
    `costPerComplaint:${p.costPerComplaint}`,
  ];
  return parts.join(',');
}

function compactInvestment(i: Item): string {
  const effects = i.effects as { prevalenceReduction?: number; outcomes?: { satisfied: number; mollified: number; dissatisfied: number } };
  const cost = i.cost as { upfront: number; annual: number };
  const parts = [i.id, `name:${encodeURIComponent(String(i.name))}`, `problems:${Array.isArray(i.problems) ? i.problems.join('/') : i.problems}`];
  if (effects.prevalenceReduction !== undefined) parts.push(`prevalenceReduction:${effects.prevalenceReduction}`);
  if (effects.outcomes) parts.push(`outcomes:${effects.outcomes.satisfied}/${effects.outcomes.mollified}/${effects.outcomes.dissatisfied}`);
  parts.push(`upfront:${cost.upfront}`, `annual:${cost.annual}`);
  return parts.join(',');
}

/** The worked example as GET parameters (without `?`), as a spreadsheet builds them. */
export function workedExampleQuery(): string {
  const w = workedExample;
  return [
    `customers=${w.customers}`,
    `lifetimeValue=${w.customerValue.lifetimeValue}`,
    ...w.problems.map((p) => `problem=${compactProblem(p)}`),
    ...w.investments.map((i) => `investment=${compactInvestment(i as Item)}`),
  ].join('&');
}

const VI_PROBLEMS = [
  'Giao hàng trễ',
  'Hóa đơn sai',
  'Tổng đài chờ quá lâu',
  'Hoàn tiền chậm',
  'Nhân viên thiếu thân thiện',
  'Ứng dụng bị lỗi khi thanh toán',
  'Sản phẩm hư hỏng khi nhận',
  'Khuyến mãi không được áp dụng',
  'Đổi trả phức tạp',
  'Thông tin đơn hàng không rõ ràng',
];
const VI_CHANNELS = ['miền Bắc', 'miền Trung', 'miền Nam'];

/** 30 problems (Vietnamese names, VND), five investments and a portfolio within an upfront budget. */
export function thirtyProblemCase(): Item {
  const random = seeded(30);
  const round = (x: number, step: number) => Math.round(x / step) * step;
  const problems = Array.from({ length: 30 }, (_, n) => {
    const satisfied = round(0.2 + random() * 0.4, 0.01);
    const mollified = round(0.1 + random() * 0.3, 0.01);
    return {
      id: `p${String(n + 1).padStart(2, '0')}`,
      name: `${VI_PROBLEMS[n % VI_PROBLEMS.length]} (${VI_CHANNELS[Math.floor(n / VI_PROBLEMS.length)]})`,
      prevalence: round(0.001 + random() ** 2 * 0.03, 0.001),
      complaintRate: round(0.1 + random() * 0.5, 0.01),
      outcomes: { satisfied, mollified, dissatisfied: Math.round((1 - satisfied - mollified) * 100) / 100 },
      costPerComplaint: round(20000 + random() * 180000, 1000),
    };
  });
  const ids = (from: number, count: number) => problems.slice(from, from + count).map((p) => p.id);
  return {
    currency: 'VND',
    customers: 2000000,
    customerValue: { lifetimeValue: 3000000 },
    problems,
    investments: [
      {
        id: 'giao-hang',
        name: 'Đối tác giao hàng mới',
        problems: ids(0, 1).concat(ids(10, 1), ids(20, 1)),
        effects: { prevalenceReduction: 0.5 },
        cost: { upfront: 40000000000, annual: 15000000000 },
      },
      {
        id: 'hoa-don',
        name: 'Sửa hệ thống hóa đơn',
        problems: ids(1, 1).concat(ids(11, 1), ids(21, 1)),
        effects: { prevalenceReduction: 0.7 },
        cost: { upfront: 25000000000, annual: 4000000000 },
      },
      {
        id: 'dao-tao',
        name: 'Đào tạo nhân viên tuyến đầu',
        problems: 'all',
        effects: { outcomes: { satisfied: 0.6, mollified: 0.25, dissatisfied: 0.15 } },
        cost: { upfront: 15000000000, annual: 20000000000 },
      },
      {
        id: 'tong-dai',
        name: 'Mở rộng tổng đài',
        problems: ids(2, 1).concat(ids(12, 1), ids(22, 1)),
        effects: { complaintRateMultiplier: 1.2, costPerComplaintReduction: 0.3 },
        cost: { upfront: 8000000000, annual: 9000000000 },
      },
      {
        id: 'ung-dung',
        name: 'Viết lại ứng dụng',
        problems: ids(5, 1).concat(ids(15, 1), ids(25, 1)),
        effects: { prevalenceReduction: 0.4 },
        cost: { upfront: 300000000000, annual: 50000000000 },
      },
    ],
    portfolio: { budget: { upfront: 60000000000 } },
  };
}

/** A name of exactly 200 characters with no space to break it at, and one of 200 with spaces. */
const LONG_WORD = 'Kundenzufriedenheitsverbesserungsmaßnahmenplanungsausschuss'.repeat(4).slice(0, 200);
const LONG_WORDS = 'A very long investment name that goes on and on about what it will fix '.repeat(3).slice(0, 200);

/** Names a spreadsheet or a careless page would run or mangle; each must show as text, as given. */
export const HOSTILE_NAMES = {
  script: '<script>alert(1)</script>',
  quotes: `"Quoted" & 'single' </td><img src=x onerror=alert(2)>`,
  formula: '=HYPERLINK("http://x","y")',
  rightToLeft: '\u202Eexe.gnp\u202C invoice \u202Bعربي\u202C',
  longWord: LONG_WORD,
  longWords: LONG_WORDS,
  attribute: `" onmouseover="alert(3)" x='`,
};

/** The worked example with hostile names on every problem and investment, and a portfolio. */
export function hostileCase(): Item {
  const [billing, late] = workedExample.problems;
  const [fix, handling] = workedExample.investments;
  return {
    ...workedExample,
    problems: [
      { ...billing, name: HOSTILE_NAMES.script },
      { ...late, name: HOSTILE_NAMES.quotes },
      { ...billing, id: 'formula', name: HOSTILE_NAMES.formula, prevalence: 0.05 },
      { ...late, id: 'rtl', name: HOSTILE_NAMES.rightToLeft, prevalence: 0.04 },
      { ...late, id: 'long', name: HOSTILE_NAMES.longWord, prevalence: 0.03 },
    ],
    investments: [
      { ...fix, name: HOSTILE_NAMES.longWords },
      { ...handling, name: HOSTILE_NAMES.attribute },
      { ...fix, id: 'formula-fix', problems: ['formula', 'rtl', 'long'], name: HOSTILE_NAMES.formula },
    ],
    portfolio: {},
  };
}
