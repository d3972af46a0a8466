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

  it('boards the chain of batches waiting behind one, while they fit, and delivers each its answer', async () => {
    const order = new BatchOrder<string, string>();
    const two = order.offer('imp', 1, 2, 'batch 2')!;
    const three = order.offer('imp', 2, 3, 'batch 3')!;
    const four = order.offer('imp', 3, 4, 'batch 4')!;
    expect(order.hasRider('imp', 1)).toBe(true);
    let room = 2;
    const riders = order.board('imp', 1, () => room-- > 0);
    expect(riders.map((r) => r.batch)).toEqual(['batch 2', 'batch 3']);
    await expect(two.taken).resolves.toBeUndefined();
    expect(two.leave()).toBe(false); // taken: it waits for the carrier's outcome
    riders[0].deliver('answer 2');
    riders[1].release();
    await expect(two.outcome).resolves.toBe('answer 2');
    await expect(three.outcome).resolves.toBeNull(); // let go: applies alone
    expect(four.leave()).toBe(true); // not boarded: it may withdraw
    expect(order.hasRider('imp', 3)).toBe(false);
  });

  it('gives a second copy of a waiting batch no seat', () => {
    const order = new BatchOrder<string, string>();
    expect(order.offer('imp', 1, 2, 'batch 2')).not.toBeNull();
    expect(order.offer('imp', 1, 2, 'batch 2 again')).toBeNull();
  });

  it('wakes the batch that follows at the hand-off, and keeps what the batches still committing write until each is withdrawn', async () => {
    const order = new BatchOrder<string, string, { writes: string }>();
    const one = { writes: 'writes of 1' };
    const two = { writes: 'writes of 2' };
    order.begin('imp', 1);
    order.begin('imp', 2);
    const arrival = order.listen('imp', 2);
    const woken = arrival.wait(5_000);
    order.handOff('imp', 1, null, one);
    order.handOff('imp', 2, 1, two);
    await expect(woken).resolves.toBe(true);
    expect(order.isApplying('imp', 2)).toBe(true);
    expect(order.hasHandedOff('imp', 2)).toBe(true);
    expect(order.inFlight('imp', 2)).toEqual([two, one]); // nearest first
    // Another copy of batch 1 (or another firm's request) settling takes nothing back; only the hand-off's own withdrawal does.
    order.settled('imp', 1);
    order.withdraw('imp', 1, { writes: 'writes of 1' });
    expect(order.inFlight('imp', 2)).toEqual([two, one]);
    order.withdraw('imp', 1, one); // committed: the database has its writes now
    expect(order.inFlight('imp', 2)).toEqual([two]);
    order.withdraw('imp', 2, two);
    expect(order.inFlight('imp', 2)).toEqual([]);
    expect(order.hasHandedOff('imp', 2)).toBe(false);
    arrival.cancel();
  });

  it('tells a batch not seen here yet from one applying or settled, and wakes a waiter when it begins', async () => {
    const order = new BatchOrder();
    expect(order.isUnknown('imp', 1)).toBe(true);
    const arrival = order.listen('imp', 1);
    const woken = arrival.wait(5_000);
    order.begin('imp', 1); // batch 1 reaches this server
    await expect(woken).resolves.toBe(true);
    expect(order.isUnknown('imp', 1)).toBe(false);
    order.settled('imp', 1);
    expect(order.isApplying('imp', 1)).toBe(false);
    expect(order.isUnknown('imp', 1)).toBe(false); // settled here lately: the database knows whether it was stored
    expect(order.isUnknown('other', 1)).toBe(true);
    arrival.cancel();
  });
});
