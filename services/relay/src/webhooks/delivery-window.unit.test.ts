import { DeliveryWindow } from './delivery-window.js';

describe('DeliveryWindow', () => {
  it('moves the cursor only past events with every earlier selected event done', () => {
    const window = new DeliveryWindow(10, [12, 15, 17, 20], 25, []);
    expect(window.position).toBe(10);
    window.markDone(15);
    window.markDone(20);
    expect(window.position).toBe(10);
    expect(window.doneAbove).toEqual([15, 20]);
    window.markDone(12);
    expect(window.position).toBe(15);
    expect(window.doneAbove).toEqual([20]);
    window.markDone(17);
    // All selected events done: the cursor also passes over the events the page examined and did not select.
    expect(window.position).toBe(25);
    expect(window.doneAbove).toEqual([]);
  });

  it('resumes from a committed cursor with events done past it, skipping those', () => {
    const window = new DeliveryWindow(10, [12, 15, 17], 20, [15, 7]);
    expect(window.isDone(15)).toBe(true);
    expect(window.isDone(9)).toBe(true);
    expect(window.isDone(12)).toBe(false);
    expect(window.doneAbove).toEqual([15]);
    window.markDone(12);
    expect(window.position).toBe(15);
    window.markDone(17);
    expect(window.position).toBe(20);
  });

  it('passes over a page that selected nothing', () => {
    expect(new DeliveryWindow(3, [], 40, []).position).toBe(40);
  });

  it('keeps events done beyond the page for the next page', () => {
    const window = new DeliveryWindow(0, [1, 2], 2, [5]);
    window.markDone(1);
    window.markDone(2);
    expect(window.position).toBe(2);
    expect(window.doneAbove).toEqual([5]);
  });
});
