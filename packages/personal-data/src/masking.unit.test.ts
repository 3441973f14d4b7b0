import { maskAddress, maskIdNumber, maskName, maskPhone } from './masking.js';

describe('masking', () => {
  it('masks a mobile number as the first 3 and last 4 digits', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone(' 13812341234 ')).toBe('138****1234');
  });

  it('masks short phone numbers without revealing more than the ends', () => {
    expect(maskPhone('12345')).toBe('1***5');
    expect(maskPhone('12')).toBe('**');
    expect(maskPhone('0755-12345678')).toBe('075****5678');
  });

  it('keeps only the first character of a name', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳小明')).toBe('欧***');
    expect(maskName('John Smith')).toBe('J*** *****');
    expect(maskName('')).toBe('');
  });

  it('masks an ID number except the first 3 and last 4 characters', () => {
    expect(maskIdNumber('110101199003071234')).toBe('110***********1234');
    expect(maskIdNumber('11010119900307123X')).toBe('110***********123X');
    expect(maskIdNumber('123456')).toBe('******');
  });

  it('keeps only the start of an address', () => {
    expect(maskAddress('深圳市南山区桃园路1号2栋301')).toBe('深圳市南山区****');
    expect(maskAddress('南山区')).toBe('南****');
  });
});
