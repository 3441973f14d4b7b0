import { maskContact, maskEmail, maskPhone } from './contact-view.js';

describe('contact masking', () => {
  it('keeps the first three and last four digits of a phone number', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('1234567')).toBe('*******');
  });

  it('keeps the first letter and the domain of an email address', () => {
    expect(maskEmail('li.hua@example.cn')).toBe('l***@example.cn');
    expect(maskEmail('@x')).toBe('***');
  });

  it('withholds the address', () => {
    expect(maskContact({ phone: null, email: null, address: '2 Harbour Rd' })).toEqual({
      phone: null,
      email: null,
      address: null,
    });
  });
});
