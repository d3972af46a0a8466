import { BatchOrder } from './batch-order';

describe('BatchOrder', () => {
  it('knows which batches this process is applying, until they settle', () => {
    const order = new BatchOrder();
    order.begin('imp', 1);
    order.begin('imp', 1); // a replay of the same batch at the same time
    expect(order.isApplying('imp', 1)).toBe(true);
    expect(order.isApplying('imp', 2)).toBe(false);
    expect(order.isApplying('other', 1)).toBe(false);
    order.settled('imp', 1);
    expect(order.isApplying('imp', 1)).toBe(true);
    order.settled('imp', 1);
    expect(order.isApplying('imp', 1)).toBe(false);
  });

  it('wakes the batch that follows when the one before settles, stored or not', async () => {
    const order = new BatchOrder();
    order.begin('imp', 1);
    const arrival = order.listen('imp', 1);
    const woken = arrival.wait(5_000);
    order.settled('imp', 1);
    await expect(woken).resolves.toBe(true);
    arrival.cancel();
  });

  it('gives up waiting after the time given', async () => {
    const order = new BatchOrder();
    const arrival = order.listen('imp', 7);
    await expect(arrival.wait(20)).resolves.toBe(false);
    arrival.cancel();
  });
});
