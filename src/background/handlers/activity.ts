/** Activity messages (privileged): paging, status, sync, CSV, receive, BiYong net flow. Inputs
 * arrive checked (core/message-map.ts); everything else is the activity service's. */
import type { Handlers } from '../../core/message-protocol';
import type { MessageMap } from '../../core/messages';
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

export function activityHandlers(deps: { activity: ActivityService }): ActivityHandlers {
  const a = deps.activity;
  return {
    'activity/page': (req) => a.page(req),
    'activity/status': () => a.overview(),
    'activity/sync': (req) => a.sync(req.force ? { force: true } : {}),
    'activity/csv': (req) => a.csv(req),
    'activity/receive': (req) => a.receive(req.orderId),
    'activity/net-flow': () => a.netFlow(),
    'activity/ledger-chart': () => a.ledgerChart(),
    'activity/balance-history': () => a.balanceHistory(),
  };
}
