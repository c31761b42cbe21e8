export { gowDescription, GOW_FIAT_CURRENCY, GOW_ORDER_NO_MAX, GOW_SOURCE } from './description';
export { gowCanonicalContent, gowSign, gowSignedParams, type GowSignedParams } from './sign';
export {
  buildGowRequest,
  processGowResponse,
  gowUrl,
  type GowCall,
  type GowCredentials,
} from './requests';
export {
  createGowClient,
  gowKycPageUrl,
  type GowClient,
  type GowClientCredentials,
  type GowOrderAck,
} from './client';
export {
  checkOrderNo,
  newGowOrderNo,
  type GowDepositInput,
  type GowWithdrawalInput,
} from './inputs';
export type { GowOrderDetail } from './order-detail';
export type { ReceiveAccountInfo } from './schemas';
export {
  APPLY_STATUS,
  APPLY_TYPE,
  CARD_STATUS,
  decodeStatus,
  type CardStatus,
  type DecodedStatus,
} from './statuses';
