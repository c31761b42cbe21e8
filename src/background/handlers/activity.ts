/** Activity messages (privileged): paging, status, sync, CSV, receive, BiYong net flow. Inputs
 * are checked at the boundary; everything else is the activity service's. */
import * as v from 'valibot';
import type { Handlers } from '../../core/message-protocol';
import type { MessageMap } from '../../core/messages';
import { errors } from '../../core/errors';
import { PLATFORMS } from '../../core/platform';
import { ACTIVITY_PAGE_MAX } from '../../core/activity';
import type { ActivityService } from '../activity/activity-service';

type ActivityHandlers = Pick<
  Handlers<MessageMap>,
  | 'activity/page'
  | 'activity/status'
  | 'activity/sync'
  | 'activity/csv'
  | 'activity/receive'
  | 'activity/net-flow'
  | 'activity/ledger-chart'
  | 'activity/balance-history'
>;

const Filter = {
  platform: v.optional(v.picklist(PLATFORMS)),
  token: v.optional(v.pipe(v.string(), v.maxLength(64))),
  query: v.optional(v.pipe(v.string(), v.maxLength(200))),
};
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

function input<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> {
  const r = v.safeParse(schema, value);
  if (!r.success) {
    const field = r.issues[0]?.path?.map((p) => String(p.key)).join('.') ?? '';
    throw errors.invalid_input(
      { en: `Check ${field || 'the request'}`, zh: `请检查${field || '请求'}` },
      { endpoint: 'activity' },
    );
  }
  return r.output;
}

export function activityHandlers(deps: {
  ready: Promise<void>;
  activity: ActivityService;
}): ActivityHandlers {
  const a = deps.activity;
  return {
    async 'activity/page'(req) {
      await deps.ready;
      return a.page(
        input(
          v.object({
            ...Filter,
            offset: Count,
            limit: v.pipe(Count, v.minValue(1), v.maxValue(ACTIVITY_PAGE_MAX)),
          }),
          req,
        ),
      );
    },
    async 'activity/status'() {
      await deps.ready;
      return a.overview();
    },
    async 'activity/sync'(req) {
      await deps.ready;
      const r = input(v.object({ force: v.optional(v.boolean()) }), req ?? {});
      return a.sync(r.force ? { force: true } : {});
    },
    async 'activity/csv'(req) {
      await deps.ready;
      return a.csv(input(v.object(Filter), req));
    },
    async 'activity/receive'(req) {
      await deps.ready;
      const r = input(v.object({ orderId: v.pipe(v.string(), v.regex(/^[\w-]{1,64}$/)) }), req);
      return a.receive(r.orderId);
    },
    async 'activity/net-flow'() {
      await deps.ready;
      return a.netFlow();
    },
    async 'activity/ledger-chart'() {
      await deps.ready;
      return a.ledgerChart();
    },
    async 'activity/balance-history'() {
      await deps.ready;
      return a.balanceHistory();
    },
  };
}
