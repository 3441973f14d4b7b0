// How contact details are shown: in clear to staff of the deputy's jurisdiction, masked to everyone else.
import type { DeputyContact } from './events.js';

/** '13812341234' → '138****1234': the first three and last four digits stay. */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** 'li.hua@example.cn' → 'l***@example.cn'. */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  return at <= 0 ? '***' : `${email.slice(0, 1)}***${email.slice(at)}`;
}

/** The contact details with phone and email masked and the address withheld. */
export function maskContact(contact: DeputyContact): DeputyContact {
  return {
    phone: contact.phone && maskPhone(contact.phone),
    email: contact.email && maskEmail(contact.email),
    address: null,
  };
}
