// Masks for personal data shown in lists and public views: enough to recognise, not enough to identify.

/** '13812341234' → '138****1234'; other lengths keep at most the first 3 and last 4 characters. */
export function maskPhone(phone: string): string {
  const chars = Array.from(phone.trim());
  if (chars.length >= 8) return `${chars.slice(0, 3).join('')}****${chars.slice(-4).join('')}`;
  if (chars.length >= 3) return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
  return '*'.repeat(chars.length);
}

/** Keeps the first character (a Chinese surname, or an initial): '张三' → '张*', '欧阳小明' → '欧***'. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  return (
    chars[0] +
    chars
      .slice(1)
      .map((c) => (c === ' ' ? ' ' : '*'))
      .join('')
  );
}

/** Keeps the first 3 and last 4 characters of an ID number: '110101199003071234' → '110***********1234'. */
export function maskIdNumber(idNumber: string): string {
  const chars = Array.from(idNumber.trim());
  if (chars.length <= 7) return '*'.repeat(chars.length);
  return `${chars.slice(0, 3).join('')}${'*'.repeat(chars.length - 7)}${chars.slice(-4).join('')}`;
}

/** Keeps the first 6 characters of an address (the district or road), masks the rest as '****'. */
export function maskAddress(address: string): string {
  const chars = Array.from(address.trim());
  if (chars.length <= 6) return `${chars.slice(0, 1).join('')}****`;
  return `${chars.slice(0, 6).join('')}****`;
}
