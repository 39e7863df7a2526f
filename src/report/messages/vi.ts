// Every word of the report in Vietnamese, with the keys of en.ts.
import type { Messages } from './en.ts';

const list = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} và ${items.at(-1)}`);

const listMore = (items: readonly string[], more: number) => (more > 0 ? `${items.join(', ')} và ${more} khoản khác` : list(items));

const TARP_LOYALTY = 'TARP/CCMC (Goodman, Strategic Customer Service), vấn đề trên 100 USD';

export const vi: Messages = {
  lang: 'vi',
  locale: 'vi-VN',
  title: 'Hiệu quả đầu tư cho dịch vụ khách hàng',
  made: (date, model, currency) => `Lập ngày ${date} · mô hình phiên bản ${model} · đơn vị tiền ${currency}`,
  months: (n) => `${n} tháng`,
  sections: {
    summary: 'Tóm tắt',
    problems: 'Thiệt hại hằng năm của từng vấn đề',
    investments: 'Giá trị của từng khoản đầu tư',
    cashFlow: 'Dòng tiền lũy kế theo tháng',
    tornado: 'Giả định nào quyết định kết quả',
    assumptions: 'Các giả định và nguồn',
  },
  summary: {
    damage: (total, count) =>
      `Các vấn đề dịch vụ gây thiệt hại ${total} mỗi năm do mất khách hàng, truyền miệng tiêu cực và chi phí xử lý, từ ${count} vấn đề.`,
    noNetDamage: (total, count) => `Theo dữ liệu đã cho, ${count} vấn đề không gây thiệt hại ròng: tổng thiệt hại hằng năm là ${total}.`,
    pareto: (few, share, names) =>
      few === 1
        ? `Một vấn đề chiếm ${share} thiệt hại: ${names[0]}.`
        : `${few} vấn đề chiếm ${share} thiệt hại${names.length < few ? `, lớn nhất là ${list(names)}` : `: ${list(names)}`}.`,
    noDamage: 'Theo dữ liệu đã cho, không vấn đề nào gây thiệt hại.',
    portfolio: (names, more, npv, years, roi, budgeted) =>
      `${budgeted ? 'Trong phạm vi ngân sách, nên đầu tư vào' : 'Nên đầu tư vào'} ${listMore(names, more)}: ${names.length + more === 1 ? 'mang lại' : 'cùng nhau mang lại'} giá trị hiện tại ròng ${npv} trong ${years} năm${roi ? ` (ROI ${roi})` : ''}`,
    portfolioLoss: (names, more, npv, years) =>
      `Tổ hợp đầu tư được yêu cầu, gồm ${listMore(names, more)}, không tự bù đắp được chi phí: giá trị hiện tại ròng trong ${years} năm là ${npv}`,
    top: (name, npv, years, roi) =>
      `Xếp theo tỷ suất sinh lời trên chi phí, ${name} đứng đầu: giá trị hiện tại ròng ${npv} trong ${years} năm${roi ? ` (ROI ${roi})` : ''}`,
    payback: (months) => `, và hoàn vốn sau ${months}.`,
    noPayback: (years) => `, nhưng không hoàn vốn trong ${years} năm.`,
    worthDoing: (worth, all) =>
      worth === all
        ? all === 1
          ? 'Đây là khoản đầu tư duy nhất được đề xuất.'
          : `Cả ${all} khoản đầu tư được đề xuất đều đáng thực hiện.`
        : `${worth} trong ${all} khoản đầu tư được đề xuất là đáng thực hiện.`,
    noneWorthIt: (all) =>
      all === 1
        ? 'Khoản đầu tư duy nhất được đề xuất không tự bù đắp được chi phí trong kỳ phân tích.'
        : `Không khoản nào trong ${all} khoản đầu tư được đề xuất tự bù đắp được chi phí trong kỳ phân tích.`,
    noInvestments: 'Chưa có khoản đầu tư nào được đề xuất: các số liệu cho thấy tiền đang bị mất ở đâu.',
    emptyPortfolio: 'Không có tổ hợp đầu tư nào vừa ngân sách mà tạo thêm giá trị.',
    spread: (p10, p90, samples, probability) =>
      `Với các khoảng ước lượng đã cho, giá trị hiện tại ròng nằm trong khoảng ${p10} đến ${p90} ở 80% trong ${samples} lần mô phỏng, và dương ở ${probability} số lần.`,
  },
  problems: {
    description: (shown, all) =>
      `Thiệt hại hằng năm của từng vấn đề, lớn nhất trước${shown < all ? ` (${shown} vấn đề lớn nhất, phần còn lại gộp chung)` : ''}, và tỷ trọng lũy kế trên tổng thiệt hại.`,
    chart: 'Thiệt hại hằng năm theo vấn đề, và tỷ trọng lũy kế',
    damageAxis: 'Thiệt hại hằng năm',
    cumulativeAxis: 'Tỷ trọng lũy kế',
    eightyLine: '80% thiệt hại',
    others: (n) => `${n} vấn đề khác`,
    table: { problem: 'Vấn đề', damage: 'Thiệt hại hằng năm', share: 'Tỷ trọng', customersLost: 'Khách hàng mất mỗi năm' },
  },
  investments: {
    description:
      'Giá trị hiện tại ròng của từng khoản đầu tư khi thực hiện riêng lẻ, theo thứ tự xếp hạng (tỷ suất sinh lời trên chi phí, cao nhất trước).',
    whiskers: 'Đoạn kẻ ngang trải từ P10 đến P90 của mô phỏng.',
    inPortfolio: 'trong tổ hợp',
    chart: 'Giá trị hiện tại ròng của từng khoản đầu tư khi thực hiện riêng',
    tableLabel: 'Bảng chỉ số của các khoản đầu tư',
    notWorthIt: 'Không đáng thực hiện (NPV âm)',
    whiskerNote: 'P10–P90',
    table: {
      investment: 'Khoản đầu tư',
      npv: 'NPV',
      roi: 'ROI',
      payback: 'Hoàn vốn',
      irr: 'IRR',
      decidedBy: 'Phụ thuộc nhiều nhất vào',
      breakEven: 'Hòa vốn khi',
    },
    noPayback: 'không trong kỳ phân tích',
    none: '—',
    breakEven: (input, value) => `${input} = ${value}`,
  },
  cashFlow: {
    portfolio: 'Tổ hợp được chọn: chi phí ban đầu ở tháng 0, sau đó mỗi tháng cộng lợi ích trừ chi phí vận hành, không chiết khấu.',
    single: (name) => `${name}: chi phí ban đầu ở tháng 0, sau đó mỗi tháng cộng lợi ích trừ chi phí vận hành, không chiết khấu.`,
    chartPortfolio: 'Tổ hợp được chọn: dòng tiền ròng lũy kế',
    chart: (name) => `${name}: dòng tiền ròng lũy kế`,
    monthAxis: 'Tháng',
    payback: (months) => `Hoàn vốn: ${months}`,
  },
  tornado: {
    description: (name) =>
      `Giá trị hiện tại ròng của ${name} thay đổi bao nhiêu khi từng giả định chạy tới hai đầu khoảng của nó, lớn nhất trước: xanh dương ở đầu thấp của giả định, cam ở đầu cao.`,
    chart: (name) => `Giá trị hiện tại ròng của ${name}: từng giả định ở đầu thấp và đầu cao`,
    baseLabel: 'Tại giá trị khả dĩ nhất',
    swing: (share) => `Mỗi giả định không có khoảng ước lượng được dịch ${share} về mỗi phía.`,
  },
  assumptions: {
    description: 'Mọi số liệu lấy từ giá trị mặc định thay vì từ dữ liệu đầu vào, kèm nguồn.',
    none: 'Mọi số liệu đều lấy từ dữ liệu đầu vào.',
    tableLabel: 'Bảng giả định và nguồn',
    field: 'Đầu vào',
    what: 'Ý nghĩa',
    value: 'Giá trị',
    source: 'Nguồn',
  },
  footer: {
    json: 'Cùng số liệu dưới dạng JSON',
    method:
      'Mô hình đứng sau các số liệu: mô hình thiệt hại thị trường của TARP/CCMC (John Goodman, Strategic Customer Service) và quy ước tài chính Forrester Total Economic Impact.',
  },
  inputs: {
    'customerValue.lifetimeValue': 'giá trị vòng đời khách hàng',
    'customerValue.annualRevenue': 'doanh thu hằng năm mỗi khách hàng',
    'customerValue.grossMargin': 'biên lợi nhuận gộp',
    'customerValue.retentionRate': 'tỷ lệ giữ chân khách hàng',
    'customerValue.discountRate': 'lãi suất chiết khấu của giá trị vòng đời',
    newCustomerValue: 'giá trị một khách hàng mới',
    'loyalty.baseline': 'độ trung thành của khách không gặp vấn đề',
    'loyalty.silent': 'độ trung thành của khách không khiếu nại',
    'loyalty.satisfied': 'độ trung thành của khách khiếu nại được giải quyết nhanh',
    'loyalty.mollified': 'độ trung thành của khách khiếu nại được xoa dịu',
    'loyalty.dissatisfied': 'độ trung thành của khách khiếu nại không hài lòng',
    'wordOfMouth.positiveTold': 'số người nghe tin tốt',
    'wordOfMouth.negativeTold': 'số người nghe tin xấu',
    'wordOfMouth.positiveInfluence': 'tỷ lệ người nghe hành động theo tin tốt',
    'wordOfMouth.negativeInfluence': 'tỷ lệ người nghe hành động theo tin xấu',
    'finance.discountRate': 'lãi suất chiết khấu',
    'finance.riskAdjustment': 'điều chỉnh rủi ro',
    'finance.horizonYears': 'kỳ phân tích (năm)',
    currency: 'đơn vị tiền',
    'problems.prevalence': 'tỷ lệ gặp vấn đề',
    'problems.affectedCustomers': 'số khách hàng bị ảnh hưởng',
    'problems.complaintsPerYear': 'số khiếu nại mỗi năm',
    'problems.complaintRate': 'tỷ lệ khiếu nại',
    'problems.costPerComplaint': 'chi phí mỗi khiếu nại',
    'problems.loyalty.baseline': 'độ trung thành khi không gặp vấn đề',
    'problems.loyalty.silent': 'độ trung thành của khách im lặng',
    'problems.loyalty.satisfied': 'độ trung thành của khách hài lòng',
    'problems.loyalty.mollified': 'độ trung thành của khách được xoa dịu',
    'problems.loyalty.dissatisfied': 'độ trung thành của khách không hài lòng',
    'investments.effects.prevalenceReduction': 'mức giảm tỷ lệ gặp vấn đề',
    'investments.effects.complaintRateMultiplier': 'hệ số nhân tỷ lệ khiếu nại',
    'investments.effects.costPerComplaintReduction': 'mức giảm chi phí mỗi khiếu nại',
    'investments.cost.upfront': 'chi phí ban đầu',
    'investments.cost.annual': 'chi phí hằng năm',
    'investments.rampUp': 'mức đạt lợi ích theo năm',
  },
  sources: {
    'Assumed: share of customers with no problem who stay loyal a year later':
      'Giả định: tỷ lệ khách hàng không gặp vấn đề vẫn trung thành sau một năm',
    'TARP/CCMC (Goodman, Strategic Customer Service), problems over $100: 9% of those who did not complain would buy again': `${TARP_LOYALTY}: 9% khách không khiếu nại sẽ mua lại`,
    'TARP/CCMC (Goodman, Strategic Customer Service), problems over $100: 82% of complainants satisfied quickly would buy again': `${TARP_LOYALTY}: 82% khách khiếu nại được giải quyết nhanh sẽ mua lại`,
    'TARP/CCMC (Goodman, Strategic Customer Service), problems over $100: 54% of complainants satisfied (not quickly) would buy again': `${TARP_LOYALTY}: 54% khách khiếu nại được giải quyết (không nhanh) sẽ mua lại`,
    'TARP/CCMC (Goodman, Strategic Customer Service), problems over $100: 19% of dissatisfied complainants would buy again': `${TARP_LOYALTY}: 19% khách khiếu nại không hài lòng sẽ mua lại`,
    'TARP: a satisfied customer tells 4 to 5 people': 'TARP: một khách hàng hài lòng kể cho 4 đến 5 người',
    'TARP: an unhappy customer tells 9 to 10 people': 'TARP: một khách hàng không vui kể cho 9 đến 10 người',
    'Assumed (conservative): 2% of listeners act on good news': 'Giả định (thận trọng): 2% người nghe hành động theo tin tốt',
    'Assumed (conservative): 2% of listeners act on bad news': 'Giả định (thận trọng): 2% người nghe hành động theo tin xấu',
    'Forrester Total Economic Impact practice: 3-year horizon': 'Thông lệ Forrester Total Economic Impact: kỳ phân tích 3 năm',
    'Forrester Total Economic Impact practice: 10% discount rate': 'Thông lệ Forrester Total Economic Impact: lãi suất chiết khấu 10%',
    'Forrester Total Economic Impact practice: 10% of benefits withheld for risk':
      'Thông lệ Forrester Total Economic Impact: giữ lại 10% lợi ích cho rủi ro',
    'Default currency label; figures are not converted': 'Đơn vị tiền mặc định; số liệu không được quy đổi',
    'Discount rate of the lifetime-value formula (Gupta & Lehmann), 10% by default':
      'Lãi suất chiết khấu trong công thức giá trị vòng đời (Gupta & Lehmann), mặc định 10%',
    'Assumed: a prospect won or lost is worth one customer lifetime value':
      'Giả định: một khách hàng tiềm năng giành được hoặc để mất có giá trị bằng một giá trị vòng đời khách hàng',
    'No handling cost was given for this problem': 'Chưa nhập chi phí xử lý cho vấn đề này',
    'Full benefit from the first year': 'Đạt đầy đủ lợi ích ngay từ năm đầu',
    'No upfront cost was given': 'Chưa nhập chi phí ban đầu',
    'No annual cost was given': 'Chưa nhập chi phí hằng năm',
  },
  errorPage: {
    title: 'Không thể lập báo cáo',
    intro: 'Yêu cầu có vấn đề:',
  },
};
