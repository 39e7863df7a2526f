// Numbers as the report writes them: Intl.NumberFormat for the language's locale and the scenario's currency.
import type { Messages } from './messages/en.ts';
import type { Formats } from './types.ts';

/** A formatter is costly to make and cheap to use: one per locale, currency and style, kept (at most a few hundred). */
const made = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let f = made.get(key);
  if (!f) {
    if (made.size > 500) made.clear();
    f = new Intl.NumberFormat(locale, options);
    made.set(key, f);
  }
  return f;
}

export function formatsFor(messages: Messages, currency: string): Formats {
  const { locale } = messages;
  // signDisplay 'negative': a figure that rounds to zero is written without a minus sign.
  const money = formatter(locale, { style: 'currency', currency, signDisplay: 'negative', maximumFractionDigits: 0, minimumFractionDigits: 0 });
  const short = formatter(locale, { style: 'currency', currency, signDisplay: 'negative', notation: 'compact', maximumFractionDigits: 1 });
  const percent = formatter(locale, { style: 'percent', signDisplay: 'negative', maximumFractionDigits: 1 });
  const number = formatter(locale, { signDisplay: 'negative', maximumSignificantDigits: 6 });
  return {
    money: (v) => money.format(v),
    moneyShort: (v) => short.format(v),
    percent: (share) => percent.format(share),
    number: (v) => number.format(v),
    months: (n) => messages.months(n),
  };
}
