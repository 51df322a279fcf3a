const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 21 → 二十一, 99 → 九十九; as used for section numbers and issue numbers. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`chineseNumeral takes a whole number from 0 to 9999, got ${n}`);
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '');
  if (n < 100) return DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? DIGITS[n % 10] : '');
  const units = ['', '十', '百', '千'];
  const ds = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  ds.forEach((d, i) => {
    const unit = units[ds.length - 1 - i]!;
    if (d === 0) zero = true;
    else {
      if (zero && out) out += '零';
      out += DIGITS[d] + unit;
      zero = false;
    }
  });
  return out;
}

/** 2021-03-04 → 2021年3月4日 (Arabic numerals, no padding, as GB/T 9704 writes dates). */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`expected a date YYYY-MM-DD, got ${JSON.stringify(iso)}`);
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Section numbers by level: 一、 （一） 1. （1）. */
export function sectionNumber(level: number, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(n)}、`;
    case 2:
      return `（${chineseNumeral(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
    default:
      throw new RangeError(`section levels are 1 to 4, got ${level}`);
  }
}
