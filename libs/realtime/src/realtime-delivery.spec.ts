import type { Server } from 'socket.io';
import type { DataSource } from 'typeorm';
import { type OutboxRetention, type RucheConfig, SocketRooms, type SubjectVisibility } from '@ruche/platform';
import { RealtimeDelivery } from './realtime-delivery.js';

/** An outbox whose committed rows the next pump reads once. */
function outbox() {
  const pending: Record<string, unknown>[] = [];
  let seq = 0;
  const dataSource = { query: async () => pending.splice(0) } as unknown as DataSource;
  const commit = (type: string, payload: Record<string, unknown>) =>
    pending.push({
      id: `e${++seq}`,
      seq,
      type,
      payload,
      audience: [],
      subject_type: null,
      subject_id: null,
      actor_id: null,
      created_at: new Date(),
    });
  return { dataSource, commit };
}

const server = {
  local: { to: () => ({ emit: () => true }), in: () => ({ socketsJoin() {}, socketsLeave() {}, disconnectSockets() {} }) },
} as unknown as Server;

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * The subscribe race: a visibility check made outside the delivery queue may predate a removal
 * that the queue delivers before the join; the join must then decide again, in order.
 */
describe('RealtimeDelivery.joinDecided', () => {
  const setup = () => {
    const box = outbox();
    const rooms = new SocketRooms();
    rooms.onEvent('group.member_removed', () => null);
    const delivery = new RealtimeDelivery(
      box.dataSource,
      {} as SubjectVisibility,
      rooms,
      {} as RucheConfig,
      {} as OutboxRetention,
    );
    delivery.attach(server);
    return { box, delivery };
  };

  it('decides again inside the queue when a change of rooms was delivered while it was deciding', async () => {
    const { box, delivery } = setup();
    const stale = deferred<string>();
    const answers = [stale.promise, Promise.resolve('decided after the removal')];
    let decisions = 0;
    const joined = delivery.joinDecided(
      () => (decisions++, answers.shift()!),
      async (decision) => decision,
    );
    box.commit('group.member_removed', { groupId: 'g', userId: 'u', reason: 'removed' });
    delivery.pump();
    stale.resolve('decided before the removal');
    await expect(joined).resolves.toBe('decided after the removal');
    expect(decisions).toBe(2);
  });

  it('keeps its first decision when only ordinary events were delivered meanwhile (no extra read)', async () => {
    const { box, delivery } = setup();
    const first = deferred<string>();
    let decisions = 0;
    const joined = delivery.joinDecided(
      () => (decisions++, first.promise),
      async (decision) => decision,
    );
    box.commit('post.created', { post: {} });
    delivery.pump();
    first.resolve('the only decision');
    await expect(joined).resolves.toBe('the only decision');
    expect(decisions).toBe(1);
  });
});
