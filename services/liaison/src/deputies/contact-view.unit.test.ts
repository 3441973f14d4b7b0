import { maskContact, maskEmail } from './contact-view.js';

describe('contact masking', () => {
  it('keeps the first three and last four digits of a phone number', () => {
    expect(maskContact({ phone: '13812341234', email: null, address: null }).phone).toBe('138****1234');
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
